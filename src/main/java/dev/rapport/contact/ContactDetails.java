package dev.rapport.contact;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A contact with its timeline, as {@code contacts show} prints it. */
public record ContactDetails(Contact contact, List<Event> events) {
  /** Stages in which a reply that reads like a no is offered as DECLINED. */
  private static final Set<Stage> ANSWERABLE =
      EnumSet.of(Stage.CONTACTED, Stage.FOLLOWED_UP, Stage.REPLIED, Stage.NO_RESPONSE);

  /**
   * The contact's latest reply when it reads like a polite no and the contact is still waiting for
   * an answer (REPLIED, or before): shown with "confirm with: rapport contacts decline ID", never
   * applied by itself.
   */
  public Optional<Event> declineSuggestion() {
    if (!ANSWERABLE.contains(contact.stage())) return Optional.empty();
    Event last = null;
    for (Event e : events) if (e.type() == EventType.REPLY_RECEIVED) last = e;
    return last != null && last.declinePhrase() != null ? Optional.of(last) : Optional.empty();
  }
}
