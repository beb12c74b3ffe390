package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.interview.Interview;
import dev.rapport.interview.InterviewCalendar;
import dev.rapport.interview.InterviewTime;
import dev.rapport.interview.Slot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say when and where an interview is, shared by schedule and reschedule. */
final class SlotOptions {
  @Option(
      names = "--at",
      required = true,
      paramLabel = "ISO_DATETIME",
      description =
          "Start with its zone or offset, e.g. 2026-12-01T10:00+01:00 or 2026-12-01T10:00[Europe/Berlin].")
  String at;

  @Option(
      names = "--minutes",
      defaultValue = "30",
      description = "Length in minutes (default ${DEFAULT-VALUE}).")
  int minutes;

  @Option(names = "--where", paramLabel = "TEXT", description = "Phone, video link or a place.")
  String where;

  @Option(
      names = "--ics",
      paramLabel = "FILE",
      description = "Also write the interview as a calendar invitation (.ics) to send or import.")
  Path ics;

  Slot slot() {
    return new Slot(InterviewTime.parse(at), minutes, where);
  }

  /** Writes the .ics file when one was asked for; returns a line to print, or null. */
  String writeIcs(AppCommand cmd, Interview i) {
    if (ics == null) return null;
    var contact = cmd.app().contacts().get(i.contactId());
    var me = cmd.app().config().me();
    String text =
        InterviewCalendar.write(i, contact.name(), contact.email(), me.name(), me.email());
    try {
      Files.writeString(ics, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          "The interview is saved, but " + ics + " could not be written: " + e.getMessage());
    }
    return "Calendar invitation written to " + ics + ".";
  }
}
