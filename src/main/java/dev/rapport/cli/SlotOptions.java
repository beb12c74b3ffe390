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
      description =
          "Length in minutes (default 30 for a new booking; a move keeps the length booked).")
  Integer minutes;

  @Option(
      names = "--where",
      paramLabel = "TEXT",
      description =
          "Phone, video link or a place (a move keeps the place booked; --where \"\" clears it).")
  String where;

  @Option(
      names = "--ics",
      paramLabel = "FILE",
      description = "Also write the interview as a calendar invitation (.ics) to send or import.")
  Path ics;

  /** A new booking: 30 minutes unless given. */
  Slot slot() {
    return new Slot(
        InterviewTime.parse(at), minutes == null ? Slot.DEFAULT_MINUTES : minutes, where);
  }

  /** A move of {@code booked}: its length and place stay unless given. */
  Slot movedFrom(Interview booked) {
    return new Slot(
        InterviewTime.parse(at),
        minutes == null ? booked.minutes() : minutes,
        where == null ? booked.place() : where);
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
