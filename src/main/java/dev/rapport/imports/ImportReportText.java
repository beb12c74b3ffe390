package dev.rapport.imports;

import dev.rapport.contact.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The import report for people: the counts first, then each skipped and rejected row with its line.
 * Rows whose only fault is a missing address (hundreds, in a connections export) are gathered into
 * one line, and so are many rows that are already contacts (a re-import).
 */
public final class ImportReportText {
  private static final int MAX_RANGES = 12;
  // Re-importing an export skips every row; past this many, rows that are already contacts are
  // gathered.
  private static final int MAX_LISTED = 20;

  private ImportReportText() {}

  public static List<String> lines(ImportReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(summary(r));
    List<Integer> known = new ArrayList<>();
    for (ImportReport.Skipped s : r.skipped()) {
      if (r.skipped().size() > MAX_LISTED && s.reason().startsWith("duplicate of contact"))
        known.add(s.line());
      else lines.add("line " + s.line() + ": skipped, " + s.reason());
    }
    if (!known.isEmpty()) {
      lines.add(
          number(known.size())
              + " rows are already contacts (lines "
              + LineRanges.of(known, MAX_RANGES)
              + "): skipped; 'contacts import --json' lists each one.");
    }
    List<Integer> noEmail = new ArrayList<>();
    List<String> noEmailNames = new ArrayList<>();
    for (ImportReport.Rejected x : r.rejected()) {
      if (x.noEmailOnly()) {
        noEmail.add(x.line());
        noEmailNames.add(named(x.name(), x.line()));
      } else lines.add("line " + x.line() + ": " + x.reason());
    }
    for (ImportReport.Warning w : r.warnings()) lines.add("line " + w.line() + ": " + w.text());
    for (Channel channel : Channel.values()) {
      List<ImportReport.OffEmail> on =
          r.offEmail().stream().filter(o -> o.channel() == channel).toList();
      if (!on.isEmpty()) lines.add(offEmailLine(on, channel, r.dryRun()));
    }
    if (!noEmail.isEmpty()) lines.add(noEmailLine(noEmail, noEmailNames));
    return lines;
  }

  /**
   * "12 contacts without an email address, on LinkedIn: Ada Lovelace (line 5), …": who they are, so
   * the user knows whom to write to by hand.
   */
  private static String offEmailLine(
      List<ImportReport.OffEmail> on, Channel channel, boolean dryRun) {
    List<String> names = on.stream().map(o -> named(o.name(), o.line())).toList();
    return count(on.size(), "contact", "contacts")
        + (dryRun ? " would be " : " ")
        + "without an email address, on "
        + channel.label()
        + ": "
        + listed(names)
        + (dryRun ? "" : ". Their notes are short, to send by hand ('drafts mark-sent').");
  }

  private static String named(String name, int line) {
    String who = name == null || name.isBlank() ? "(no name)" : name.strip();
    return who + " (line " + line + ")";
  }

  private static String listed(List<String> names) {
    if (names.size() <= MAX_LISTED) return String.join(", ", names);
    return String.join(", ", names.subList(0, MAX_LISTED))
        + " and "
        + number(names.size() - MAX_LISTED)
        + " more";
  }

  private static String summary(ImportReport r) {
    String contacts = count(r.imported(), "contact", "contacts");
    String duplicates =
        number(r.skipped().size())
            + " skipped as "
            + (r.skipped().size() == 1 ? "a duplicate" : "duplicates");
    String counts = "; " + duplicates + "; " + number(r.rejected().size()) + " rejected.";
    return r.dryRun()
        ? "Dry run: would import "
            + contacts
            + " from "
            + r.fileName()
            + counts
            + " Nothing was written."
        : "Imported " + contacts + " from " + r.fileName() + counts;
  }

  private static String noEmailLine(List<Integer> lines, List<String> names) {
    String which =
        "(" + (lines.size() == 1 ? "line " : "lines ") + LineRanges.of(lines, MAX_RANGES) + ")";
    String way = " (no profile URL or phone either)";
    return lines.size() == 1
        ? "1 row has no email address "
            + which
            + way
            + ": "
            + listed(names)
            + "; add it with 'contacts add' when you have an address or profile."
        : number(lines.size())
            + " rows have no email address "
            + which
            + way
            + ": "
            + listed(names)
            + "; add them with 'contacts add' when you have an address or profile.";
  }

  private static String count(int n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
