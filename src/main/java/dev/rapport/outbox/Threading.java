package dev.rapport.outbox;

import dev.rapport.draft.DraftKind;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a draft joins the conversation: follow-ups and thank-yous go out as replies in the thread.
 */
final class Threading {
  /** How many earlier Message-IDs a References header keeps (RFC 5322 §3.6.4 allows trimming). */
  private static final int MAX_REFERENCES = 10;

  private Threading() {}

  /**
   * The draft as it goes out now: unless it is outreach, a reply in the thread of the last message
   * sent to the contact ("Re: " subject, In-Reply-To and References).
   */
  static Outgoing outgoing(Connection c, OutboxStore store, OutboxStore.Row r, String messageId) {
    String subject = r.subject();
    String inReplyTo = null;
    String references = null;
    if (r.kind() != DraftKind.OUTREACH) {
      Optional<OutboxStore.Earlier> earlier = store.lastSentTo(c, r.contactId());
      if (earlier.isPresent()) {
        OutboxStore.Earlier e = earlier.get();
        inReplyTo = e.messageId();
        references = references(e.references(), e.messageId());
        if (!startsWithRe(subject)) subject = "Re: " + e.subject();
      }
    }
    return new Outgoing(
        r.id(),
        r.contactId(),
        r.kind(),
        r.to(),
        r.contactName(),
        subject,
        r.body(),
        messageId,
        inReplyTo,
        references);
  }

  static boolean startsWithRe(String subject) {
    return subject.strip().toLowerCase(Locale.ROOT).startsWith("re:");
  }

  static String references(String earlierReferences, String earlierId) {
    List<String> all = new ArrayList<>();
    if (earlierReferences != null)
      all.addAll(Arrays.asList(earlierReferences.strip().split("\\s+")));
    all.add(earlierId);
    List<String> kept = all.size() <= MAX_REFERENCES ? all : new ArrayList<>(all.subList(0, 1));
    if (all.size() > MAX_REFERENCES)
      kept.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
    return String.join(" ", kept);
  }
}
