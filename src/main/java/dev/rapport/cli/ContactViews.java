package dev.rapport.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactDetails;
import dev.rapport.contact.Event;
import dev.rapport.schedule.NextAction;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of contacts that INTERFACE.md promises. */
final class ContactViews {
  private ContactViews() {}

  record ContactJson(
      long id,
      String name,
      String email,
      String company,
      String role,
      int tier,
      String stage,
      Long referredBy,
      Long hypothesisId,
      OffsetDateTime createdAt,
      String level,
      boolean keepInTouch,
      String timezone,
      String channel,
      String profileUrl,
      String phone,
      java.time.LocalDate connectedOn) {}

  /**
   * {@code technical}: Message-IDs and server replies; {@code excerpt}: a reply's own words; {@code
   * declinePhrase}: what reads like a no in them.
   */
  record EventJson(
      OffsetDateTime at,
      String type,
      String detail,
      String technical,
      String excerpt,
      String declinePhrase) {}

  record NextJson(OffsetDateTime at, String action) {}

  /** {@code contacts show}: the contact's keys, then its timeline and next action. */
  record ContactShowJson(
      @JsonUnwrapped ContactJson contact, int followUps, List<EventJson> events, NextJson next) {}

  static ContactJson of(Contact c, AppCommand cmd) {
    return new ContactJson(
        c.id(),
        c.name(),
        c.email(),
        c.company(),
        c.role(),
        c.tier(),
        c.stage().name(),
        c.referredBy(),
        c.hypothesisId(),
        cmd.local(c.createdAt()),
        c.level() == null ? null : c.level().name(),
        c.keepInTouch(),
        c.timezone() == null ? null : c.timezone().getId(),
        c.channel().name(),
        c.profileUrl(),
        c.phone(),
        c.connectedOn());
  }

  static ContactShowJson of(ContactDetails d, Optional<NextAction> next, AppCommand cmd) {
    Contact c = d.contact();
    List<EventJson> events =
        d.events().stream()
            .map(
                e ->
                    new EventJson(
                        cmd.local(e.at()),
                        e.type().name(),
                        e.detail(),
                        e.technical(),
                        e.excerpt(),
                        e.declinePhrase()))
            .toList();
    NextJson nextJson =
        next.map(n -> new NextJson(cmd.local(n.at().atOffset(ZoneOffset.UTC)), n.action().name()))
            .orElse(null);
    return new ContactShowJson(of(c, cmd), c.followUps(), events, nextJson);
  }

  static String describe(Event e) {
    return e.detail() == null ? "" : e.detail();
  }
}
