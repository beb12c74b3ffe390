package dev.rapport.employer;

import dev.rapport.schedule.WorkingDays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 3B7 routine of the 2-Hour Job Search: 3 business days after an outreach without an answer,
 * write to a second person at the same employer; at 7 business days, follow up with the first (the
 * scheduler plans that follow-up). Judged from columns, with the clock given: no database.
 */
public final class ThreeBSeven {
  /** Business days without an answer before a second person at the employer is suggested. */
  public static final int SECOND_CONTACT_AFTER = 3;

  /** Business days without an answer before the follow-up to the first person. */
  public static final int FOLLOW_UP_AFTER = 7;

  private ThreeBSeven() {}

  /**
   * One suggestion per employer where someone was written to at least 3 business days ago and has
   * not answered, nobody there has answered yet, and nobody there was written to more recently (or
   * has outreach waiting for review or sending): that newer outreach gets its own 3 days.
   */
  public static List<SecondContact> suggestions(
      List<Employer> employers, List<EmployerContact> linked, Instant now, ZoneId zone) {
    Map<Long, List<EmployerContact>> byEmployer = new LinkedHashMap<>();
    for (EmployerContact c : linked)
      if (c.employerId() != null)
        byEmployer.computeIfAbsent(c.employerId(), k -> new ArrayList<>()).add(c);
    List<SecondContact> out = new ArrayList<>();
    for (Employer e : employers) {
      List<EmployerContact> there = byEmployer.getOrDefault(e.id(), List.of());
      suggestion(e, there, now, zone).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(SecondContact::sentAt));
    return out;
  }

  static java.util.Optional<SecondContact> suggestion(
      Employer e, List<EmployerContact> there, Instant now, ZoneId zone) {
    if (there.stream().anyMatch(EmployerContact::advocate)) return java.util.Optional.empty();
    if (there.stream().anyMatch(EmployerContact::outreachOpen)) return java.util.Optional.empty();
    for (EmployerContact c : there)
      if (c.lastSent() != null
          && isAfter(WorkingDays.plus(c.lastSent(), SECOND_CONTACT_AFTER, zone), now))
        return java.util.Optional.empty(); // written to within 3 business days: wait for them
    EmployerContact waiting =
        there.stream()
            .filter(EmployerContact::awaitingReply)
            .min(Comparator.comparing(EmployerContact::firstSent))
            .orElse(null);
    if (waiting == null) return java.util.Optional.empty();
    List<SecondContact.Candidate> candidates =
        there.stream()
            .filter(c -> c.stage() == dev.rapport.contact.Stage.NEW && !c.outreachDrafted())
            .map(c -> new SecondContact.Candidate(c.id(), c.name(), c.role()))
            .toList();
    return java.util.Optional.of(
        new SecondContact(
            e.id(), e.name(), waiting.id(), waiting.name(), waiting.firstSent(), candidates));
  }

  private static boolean isAfter(Instant a, Instant b) {
    return a.isAfter(b);
  }
}
