package dev.rapport.cli;

import dev.rapport.pause.Pause;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code resume}: end a pause; what piled up goes out spread within pacing. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description =
        "End the pause: approved drafts go out again, spread within pacing rather than in a burst, and follow-up clocks move on by the time paused.")
final class ResumeCommand extends AppCommand {
  @Override
  public Integer call() {
    Optional<Pause> ended = app().pauses().resume();
    if (ended.isEmpty()) {
      out().println("Not paused; nothing to resume.");
      return 0;
    }
    Pause p = ended.get();
    Duration paused = Duration.between(p.startedAt(), p.end());
    out()
        .println(
            "Resumed after "
                + PauseViews.duration(paused)
                + ". Approved drafts go out spread within pacing; follow-ups move on by the time paused.");
    return 0;
  }
}
