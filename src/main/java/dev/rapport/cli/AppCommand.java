package dev.rapport.cli;

import dev.rapport.App;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: the application, its output streams, and time shown in the user's zone.
 */
abstract class AppCommand implements Callable<Integer> {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Spec CommandSpec spec;

  App app() {
    return root().app();
  }

  RapportCommand root() {
    return (RapportCommand) spec.root().userObject();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints one JSON document on stdout and nothing else. */
  void printJson(Object value) {
    // Json already escapes every character a terminal acts on (JsonTest), so the
    // document skips TerminalWriter's second look: for thousands of contacts that look was a
    // tenth of the command's own time.
    PrintWriter raw = TerminalWriter.unfiltered(out());
    out().flush();
    Json.print(value, raw);
    raw.flush();
  }

  /** A stored time in the user's zone, for JSON. */
  OffsetDateTime local(OffsetDateTime t) {
    return t == null
        ? null
        : t.atZoneSameInstant(app().config().pacing().timezone()).toOffsetDateTime();
  }

  /** A stored time in the user's zone, for people. */
  String shown(OffsetDateTime t) {
    return t == null ? "" : SHOWN.format(local(t));
  }
}
