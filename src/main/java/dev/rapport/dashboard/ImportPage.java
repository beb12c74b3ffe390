package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.contact.NewContact;
import dev.rapport.imports.ContactImporter;
import dev.rapport.imports.ImportFileReader;
import dev.rapport.imports.ImportOptions;
import dev.rapport.imports.ImportProgress;
import dev.rapport.imports.ImportReport;
import dev.rapport.imports.ImportReportText;
import dev.rapport.imports.ParsedFile;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Import from the browser: a CSV file (with a header row, or a professional network's connections
 * export) or a vCard file, read and checked exactly as {@code contacts import} reads it, with the
 * same report (imported, skipped as duplicates, rejected rows with their line and reason). A
 * preview saves nothing.
 */
final class ImportPage {
  /** The largest file taken: far above a connections export of thousands of people. */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  private final Handlers h;

  ImportPage(Handlers h) {
    this.h = h;
  }

  void show(Context ctx) {
    page(ctx, null, null);
  }

  void upload(Context ctx) {
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (RuntimeException e) {
      // The Guard reads the form first and answers a file over the limit (UnreadableForm): this
      // is only a second line.
      ctx.status(413);
      page(ctx, null, "the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB.");
      return;
    }
    if (file == null || file.filename() == null || file.filename().isBlank()) {
      page(ctx, null, "Choose a file to import first.");
      return;
    }
    boolean preview = ctx.formParam("preview") != null;
    ImportReport report;
    try {
      ImportOptions options =
          new ImportOptions(
              tier(ctx.formParam("tier")), hypothesis(ctx.formParam("hypothesis")), preview);
      report = run(file, options);
    } catch (InvalidInputException e) {
      ctx.status(422);
      page(ctx, null, e.getMessage());
      return;
    }
    page(ctx, report, null);
  }

  private ImportReport run(UploadedFile file, ImportOptions options) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory(h.app.data().path(), "import-");
      // Only the file's own name is kept, so messages name the file the user chose.
      Path copy = dir.resolve(safeName(file.filename()));
      try (InputStream in = file.content()) {
        Files.copy(in, copy);
      }
      ParsedFile parsed = new ImportFileReader().read(copy);
      ContactImporter importer =
          new ContactImporter(
              h.app.database(), h.app.clock(), h.app.contacts(), h.app.hypotheses());
      return importer.run(parsed, options, ImportProgress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded file could not be stored", e);
    } finally {
      if (dir != null) delete(dir);
    }
  }

  private void page(Context ctx, ImportReport report, String error) {
    Map<String, Object> m = Dashboard.model();
    m.put("error", error == null ? "" : error);
    m.put("report", report == null ? null : ImportReportText.lines(report));
    m.put("dryRun", report != null && report.dryRun());
    m.put("imported", report == null ? 0 : report.imported());
    m.put("hypotheses", h.app.hypotheses().list());
    m.put("maxMb", MAX_BYTES / 1024 / 1024);
    h.render(ctx, "import.ftlh", "Import contacts", "pipeline", m);
  }

  static String safeName(String given) {
    String base = given.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (base.isEmpty() || base.startsWith(".")) base = "upload" + base;
    return base.length() > 100 ? base.substring(base.length() - 100) : base;
  }

  private static int tier(String s) {
    if (s == null || s.isBlank()) return NewContact.DEFAULT_TIER;
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Tier: \"" + s + "\" is not a number from 1 to 4.");
    }
  }

  private Long hypothesis(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return h.app.hypotheses().get(Long.parseLong(s.strip())).id();
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Hypothesis: \"" + s + "\" is not a hypothesis id.");
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary copy in the data folder is harmless; the import itself is done.
    }
  }
}
