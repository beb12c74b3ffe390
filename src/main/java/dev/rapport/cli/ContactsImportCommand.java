package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.contact.NewContact;
import dev.rapport.imports.ContactImporter;
import dev.rapport.imports.ImportFileReader;
import dev.rapport.imports.ImportOptions;
import dev.rapport.imports.ImportProgress;
import dev.rapport.imports.ImportReport;
import dev.rapport.imports.ImportReportText;
import dev.rapport.imports.ParsedFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contacts import FILE}: contacts from a CSV or vCard file, with a report of every row left
 * out.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import contacts from a CSV file with a header row (a professional network's Connections.csv export too) or a vCard (.vcf) file.",
      "Rows whose address is already a contact are skipped; rows that cannot be used are reported with their line and reason.",
      "CSV columns understood (any case or punctuation): name (or first and last name), email, company, role or job title,",
      "tier (1-4), level or seniority (emerging/junior, mid, senior/lead), note, hypothesis (an id),",
      "keep or keep in touch (yes/no: 'contacts keep'), timezone (e.g. Europe/Paris)."
    })
final class ContactsImportCommand extends AppCommand {
  @Parameters(paramLabel = "FILE", description = "The CSV or vCard file.")
  Path file;

  @Option(
      names = "--tier",
      paramLabel = "1-4",
      description = "Tier for rows without a tier column (default ${DEFAULT-VALUE}).")
  int tier = NewContact.DEFAULT_TIER;

  @Option(
      names = "--hypothesis",
      paramLabel = "ID",
      description = "Link every imported contact to this hypothesis.")
  Long hypothesis;

  @Option(names = "--dry-run", description = "Report what would be imported; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  /** The report as {@code --json} prints it. */
  record ImportJson(
      String file,
      String format,
      boolean dryRun,
      int imported,
      List<SkippedJson> skipped,
      List<RejectedJson> rejected,
      List<Long> contactIds,
      List<OffEmailJson> withoutEmail,
      List<WarningJson> warnings) {}

  /** A contact imported without an address, on another channel. */
  record OffEmailJson(int line, String name, String channel) {}

  record WarningJson(int line, String text) {}

  record SkippedJson(int line, String reason, String email) {}

  record RejectedJson(int line, String reason) {}

  @Override
  public Integer call() {
    ImportOptions options = new ImportOptions(tier, hypothesis, dryRun);
    // The file is read before the database is opened: a mistyped path should change nothing.
    ParsedFile parsed = new ImportFileReader().read(file);
    App app = app();
    ContactImporter importer =
        new ContactImporter(app.database(), app.clock(), app.contacts(), app.hypotheses());
    ImportReport report = importer.run(parsed, options, progress());
    if (json) {
      printJson(json(report));
    } else {
      ImportReportText.lines(report).forEach(out()::println);
    }
    return 0;
  }

  private ImportProgress progress() {
    return !json && System.console() != null
        ? new ProgressLine(TerminalWriter.unfiltered(err()))
        : ImportProgress.NONE;
  }

  private static ImportJson json(ImportReport r) {
    return new ImportJson(
        r.fileName(),
        r.format().name(),
        r.dryRun(),
        r.imported(),
        r.skipped().stream().map(s -> new SkippedJson(s.line(), s.reason(), s.email())).toList(),
        r.rejected().stream().map(x -> new RejectedJson(x.line(), x.reason())).toList(),
        r.contactIds(),
        r.offEmail().stream()
            .map(o -> new OffEmailJson(o.line(), o.name(), o.channel().name()))
            .toList(),
        r.warnings().stream().map(w -> new WarningJson(w.line(), w.text())).toList());
  }
}
