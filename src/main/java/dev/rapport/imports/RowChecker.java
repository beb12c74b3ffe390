package dev.rapport.imports;

import dev.rapport.InvalidInputException;
import dev.rapport.contact.Channel;
import dev.rapport.contact.Level;
import dev.rapport.contact.NewContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a row into a contact with the same checks {@code contacts add} makes ({@link
 * NewContact#validated()}), after reading the tier and hypothesis columns, which arrive as text.
 */
final class RowChecker {
  // Stands in for a missing address to learn whether the rest of the row is fine.
  private static final String STAND_IN_ADDRESS = "someone@example.org";

  private final ImportOptions options;
  private final Set<Long> hypotheses;
  private final String source;

  RowChecker(ImportOptions options, Set<Long> hypotheses, String source) {
    this.options = options;
    this.hypotheses = Set.copyOf(hypotheses);
    this.source = source;
  }

  CheckedRow check(SourceRow row) {
    if (row.problem() != null) return invalid(row, row.problem(), false);
    String columnProblem = null;
    Integer tier = options.tier();
    Long hypothesis = options.hypothesisId();
    Level level = null;
    boolean keep = false;
    Channel channel = null;
    java.time.LocalDate connectedOn = null;
    List<String> warnings = new ArrayList<>();
    try {
      connectedOn = ConnectedOn.parse(row.connectedOn());
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage());
    }
    try {
      channel = Channel.parse(row.channel());
      tier = tier(row.tier(), tier);
      hypothesis = hypothesis(row.hypothesis(), hypothesis);
      level = Level.parse(row.level()).orElse(null);
      keep = keep(row.keep());
    } catch (InvalidInputException e) {
      columnProblem = e.getMessage();
    }
    NewContact given =
        new NewContact(
            row.name(),
            row.email(),
            row.company(),
            row.role(),
            tier,
            null,
            hypothesis,
            row.note(),
            source,
            level,
            keep,
            row.timezone());
    boolean noEmail = row.email() == null || row.email().isBlank();
    // Someone without an address is kept when there is another way to reach them.
    boolean elsewhere =
        present(row.profileUrl()) || present(row.phone()) || (channel != null && channel.byHand());
    if (noEmail && elsewhere) {
      try {
        NewContact valid =
            given.withChannel(channel, row.profileUrl(), row.phone(), connectedOn).validated();
        if (columnProblem != null) return invalid(row, columnProblem, false);
        return new CheckedRow.Valid(row.line(), valid, warnings);
      } catch (InvalidInputException e) {
        return invalid(row, e.getMessage(), false);
      }
    }
    given = given.withChannel(channel, row.profileUrl(), row.phone(), connectedOn);
    try {
      NewContact valid = (noEmail ? withAddress(given, STAND_IN_ADDRESS) : given).validated();
      if (columnProblem != null) return invalid(row, columnProblem, false);
      // A missing address the reader has something to say about is shown on its own, with that.
      if (noEmail) return invalid(row, missingAddress(given), row.readerWarnings().isEmpty());
      return new CheckedRow.Valid(row.line(), valid, warnings);
    } catch (InvalidInputException e) {
      return invalid(row, e.getMessage(), false);
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static Integer tier(String text, Integer otherwise) {
    if (text == null || text.isBlank()) return otherwise;
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "tier: expected 1 (closest) to 4 (acquaintances), but found " + Excerpt.quoted(text));
    }
  }

  /** A keep column: yes or no in the usual spellings; empty is no. */
  private static boolean keep(String text) {
    if (text == null || text.isBlank()) return false;
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "yes", "y", "true", "1", "x", "keep", "ja" -> true;
      case "no", "n", "false", "0", "nein" -> false;
      default ->
          throw new InvalidInputException(
              "keep: expected yes or no (keep in touch), but found " + Excerpt.quoted(text));
    };
  }

  private Long hypothesis(String text, Long otherwise) {
    if (text == null || text.isBlank()) return otherwise;
    long id;
    try {
      id = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "hypothesis: expected the id of a hypothesis (a number), but found "
              + Excerpt.quoted(text));
    }
    if (!hypotheses.contains(id)) {
      throw new InvalidInputException(
          "hypothesis: there is no hypothesis " + id + "; 'hypotheses list' shows them");
    }
    return id;
  }

  /** The reason {@code contacts add} gives for a missing address, so both say the same. */
  private static String missingAddress(NewContact given) {
    try {
      given.validated();
      throw new IllegalStateException("a contact without an address passed validation");
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }

  private static NewContact withAddress(NewContact n, String email) {
    return new NewContact(
        n.name(),
        email,
        n.company(),
        n.role(),
        n.tier(),
        n.referredBy(),
        n.hypothesisId(),
        n.note(),
        n.source(),
        n.level(),
        n.keepInTouch(),
        n.timezone());
  }

  private static CheckedRow invalid(SourceRow row, String reason, boolean noEmailOnly) {
    String full =
        row.readerWarnings().isEmpty()
            ? reason
            : reason + " (the reader also noted: " + String.join("; ", row.readerWarnings()) + ")";
    return new CheckedRow.Invalid(
        new ImportReport.Rejected(row.line(), full, noEmailOnly, row.name()));
  }
}
