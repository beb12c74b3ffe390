package dev.rapport.imports;

import java.util.List;

/**
 * One contact as a file gives it, before any checking: text as found, and the physical line it
 * starts on. {@code problem} is set when the reader could not make sense of the row at all; {@code
 * readerWarnings} are what the reader noticed on the way, worth showing only if the row turns out
 * unusable. {@code profileUrl}, {@code phone}, {@code connectedOn} and {@code channel} say how to
 * reach someone without an address.
 */
record SourceRow(
    int line,
    String name,
    String email,
    String company,
    String role,
    String tier,
    String note,
    String hypothesis,
    String level,
    String keep,
    String timezone,
    String problem,
    List<String> readerWarnings,
    String profileUrl,
    String phone,
    String connectedOn,
    String channel) {

  SourceRow {
    readerWarnings = List.copyOf(readerWarnings);
  }

  /** A row with no profile, phone, connection date or channel. */
  SourceRow(
      int line,
      String name,
      String email,
      String company,
      String role,
      String tier,
      String note,
      String hypothesis,
      String level,
      String keep,
      String timezone,
      String problem,
      List<String> readerWarnings) {
    this(
        line,
        name,
        email,
        company,
        role,
        tier,
        note,
        hypothesis,
        level,
        keep,
        timezone,
        problem,
        readerWarnings,
        null,
        null,
        null,
        null);
  }

  static SourceRow unreadable(int line, String problem) {
    return new SourceRow(
        line, null, null, null, null, null, null, null, null, null, null, problem, List.of());
  }
}
