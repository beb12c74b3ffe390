package dev.rapport.cli;

import dev.rapport.interview.Interview;
import dev.rapport.interview.Reflection;
import java.time.OffsetDateTime;

/** Interviews as JSON: times in the user's zone with their offset. */
final class InterviewViews {
  private InterviewViews() {}

  record ReflectionJson(String resonated, String clashed, Integer energy, Boolean continuePath) {}

  record InterviewJson(
      long id,
      long contactId,
      String contact,
      String status,
      OffsetDateTime startsAt,
      String zone,
      int minutes,
      String where,
      String source,
      String highlight,
      ReflectionJson reflection,
      OffsetDateTime doneAt) {}

  static InterviewJson of(Interview i, String contactName, AppCommand cmd) {
    Reflection r = i.reflection();
    return new InterviewJson(
        i.id(),
        i.contactId(),
        contactName,
        i.status().name(),
        cmd.local(i.startsAt()),
        i.zone(),
        i.minutes(),
        i.place(),
        i.source().name(),
        i.highlight(),
        r.isEmpty()
            ? null
            : new ReflectionJson(r.resonated(), r.clashed(), r.energy(), r.continuePath()),
        cmd.local(i.doneAt()));
  }

  /** "2026-12-01 10:00 (Europe/Berlin), 30 min, at Café Luna". */
  static String when(Interview i, AppCommand cmd) {
    return cmd.shown(i.startsAt())
        + " ("
        + cmd.app().config().pacing().timezone().getId()
        + "), "
        + i.minutes()
        + " min"
        + (i.place() == null ? "" : ", " + i.place());
  }
}
