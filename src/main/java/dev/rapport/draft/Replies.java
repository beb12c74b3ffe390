package dev.rapport.draft;

import dev.rapport.InvalidInputException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.contact.Trigger;
import dev.rapport.store.Database;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a human reply does, wherever it was read: the reply goes on the timeline, the contact moves
 * as the stage machine says for {@link Trigger#HUMAN_REPLY} (to REPLIED), and every nudge waiting
 * for them is cancelled. The inbox calls it for a reply by mail; {@code contacts reply} for an
 * answer received elsewhere (LinkedIn, a call), recorded by hand.
 */
public final class Replies {
  private final NudgeCancellation nudges = new NudgeCancellation();

  /**
   * A reply's timeline entry: its sentence, its technical particulars (Message-ID, how it was
   * matched), its own words and the phrase that reads like a polite no; each but the first may be
   * null.
   */
  public record Reply(String detail, String technical, String excerpt, String declinePhrase) {}

  /** The contact after a reply, whether it moved, and the nudges that will not go. */
  public record Received(
      Contact contact, Optional<Stage> moved, List<NudgeCancellation.Cancelled> cancelled) {}

  /**
   * Inside the caller's transaction: {@code detail} is the timeline's entry for the reply ({@code
   * technical} its Message-ID and how it was matched, or null), {@code about} says which reply it
   * was ("\"Re: …\" from ada@…").
   */
  public Received received(
      Connection c,
      ContactService contacts,
      long contactId,
      Reply reply,
      String about,
      Link link,
      Instant now) {
    contacts.recordReply(
        c,
        contactId,
        reply.detail(),
        reply.technical(),
        link,
        reply.excerpt(),
        reply.declinePhrase());
    Optional<Stage> moved =
        contacts.apply(c, contactId, Trigger.HUMAN_REPLY, "reply " + about, link);
    List<NudgeCancellation.Cancelled> cancelled =
        nudges.cancelAndRecord(
            c, contacts, contactId, "", "the contact replied (" + about + ")", now);
    return new Received(contacts.require(c, contactId), moved, cancelled);
  }

  /**
   * {@code contacts reply}: an answer received outside mail, recorded by the user's hand with its
   * words when given, in one transaction.
   */
  public Received byHand(
      Database db, ContactService contacts, Clock clock, long contactId, String text, Link where) {
    String words = text == null ? "" : text.strip();
    if (words.length() > ContactService.MAX_NOTE)
      throw new InvalidInputException(
          "--text: longer than "
              + ContactService.MAX_NOTE
              + " characters ("
              + words.length()
              + ")");
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          String detail =
              "Reply received outside mail"
                  + (contact.channel().byHand() ? " (" + contact.channel().label() + ")" : "")
                  + ", recorded by hand"
                  + (words.isEmpty() ? "" : ":\n" + words);
          return received(
              c,
              contacts,
              contactId,
              new Reply(detail, null, null, null),
              "recorded by hand",
              where,
              clock.instant());
        });
  }
}
