package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.pause.Pause;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pause}: hold every send and every new nudge, for a hard week or a holiday. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = {
      "Hold every send and every new nudge until 'resume' (or the --until date).",
      "Drafts can still be made, edited and approved; they wait. On resume they go out spread",
      "within pacing, and follow-up clocks move on by the time paused."
    })
final class PauseCommand extends AppCommand {
  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "The day to be back (YYYY-MM-DD, in pacing.timezone): the pause ends then.")
  String until;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for yourself.")
  String note;

  @Override
  public Integer call() {
    Pause p = app().pauses().pause(parse(until), note);
    out()
        .println(
            "Paused: nothing is sent and no nudge is drafted "
                + (p.until() == null
                    ? "until you run 'resume'."
                    : "until " + shownDay(p.until()) + " (or 'resume' before).")
                + " Drafts can still be made and approved; they wait.");
    return 0;
  }

  private static LocalDate parse(String text) {
    if (text == null) return null;
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--until: \"" + text + "\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-07.");
    }
  }

  private String shownDay(java.time.Instant t) {
    return PauseViews.DAY.format(t.atZone(app().config().pacing().timezone()));
  }
}
