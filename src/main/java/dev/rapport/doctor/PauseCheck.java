package dev.rapport.doctor;

import dev.rapport.pause.PauseService;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** Says when rapport is paused: nothing goes out then, which a user may have forgotten. */
public final class PauseCheck {
  private PauseCheck() {}

  public static List<Finding> run(Supplier<PauseService> pauses, ZoneId zone) {
    return List.of(
        pauses
            .get()
            .current()
            .map(
                p ->
                    Finding.warn(
                        "pause",
                        "rapport is "
                            + p.describe(zone)
                            + "; nothing is sent and no nudge is drafted.",
                        "Run 'resume' when you are ready."))
            .orElse(Finding.ok("pause", "not paused")));
  }
}
