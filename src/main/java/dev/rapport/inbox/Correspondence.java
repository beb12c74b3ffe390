package dev.rapport.inbox;

import dev.rapport.inbox.classify.Classification;
import dev.rapport.inbox.classify.Kind;
import dev.rapport.inbox.classify.MessageIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the watcher knows of the user's correspondence at the start of a poll: the Message-IDs
 * rapport sent (with their contact), the contacts in a conversation by address, every contact by
 * address (for bounces), and the user's own addresses. It decides which incoming messages concern a
 * contact, and which one.
 */
final class Correspondence {
  /** Which contact a message concerns, and by what evidence. */
  record Match(long contactId, String by) {}

  private final Map<String, Long> sentIds;
  private final Map<String, Long> openContacts;
  private final Map<String, Long> allContacts;
  private final Set<String> ownAddresses;

  Correspondence(
      Map<String, Long> sentIds,
      Map<String, Long> openContacts,
      Map<String, Long> allContacts,
      Set<String> own) {
    this.sentIds = Map.copyOf(sentIds);
    this.openContacts = Map.copyOf(openContacts);
    this.allContacts = Map.copyOf(allContacts);
    this.ownAddresses =
        own.stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  boolean isOurMessageId(String id) {
    return sentIds.containsKey(id);
  }

  Set<String> ownAddresses() {
    return ownAddresses;
  }

  /** One of ours: from the user's address, or carrying a Message-ID rapport sent. Never a reply. */
  boolean isOwn(IncomingHeaders h) {
    return ownAddresses.contains(h.from()) || h.messageId().map(sentIds::containsKey).orElse(false);
  }

  /**
   * Whether the message may concern a contact, decided from its header alone: it answers one of our
   * messages, comes from a contact in a conversation, or looks like a bounce or report. Only these
   * are downloaded.
   */
  boolean mayConcernAContact(IncomingHeaders h) {
    if (isOwn(h)) return false;
    if (h.thread().stream().anyMatch(sentIds::containsKey)) return true;
    if (openContacts.containsKey(h.from())) return true;
    return h.looksLikeReport();
  }

  /**
   * The contact a classified message concerns, in order: In-Reply-To and References against the
   * Message-IDs we sent (so an assistant answering in the thread counts); for bounces and
   * complaints the original Message-ID and the failed recipient found inside; then the sender's
   * address among the contacts in a conversation.
   */
  Optional<Match> match(IncomingHeaders h, Classification c) {
    List<String> inReplyTo =
        h.headers().all("In-Reply-To").stream().flatMap(v -> MessageIds.parse(v).stream()).toList();
    for (String id : h.thread()) {
      Long contact = sentIds.get(id);
      if (contact != null)
        return Optional.of(
            new Match(contact, inReplyTo.contains(id) ? "in-reply-to" : "references"));
    }
    if (c.kind().isBounce() || c.kind() == Kind.COMPLAINT || c.kind() == Kind.DELIVERY_REPORT) {
      for (String id : c.originalMessageIds()) {
        Long contact = sentIds.get(id);
        if (contact != null) return Optional.of(new Match(contact, "original-message-id"));
      }
      for (String address : c.recipients()) {
        Long contact = allContacts.get(address.toLowerCase(Locale.ROOT));
        if (contact != null) return Optional.of(new Match(contact, "failed-recipient"));
      }
    }
    Long bySender = openContacts.get(h.from());
    return bySender == null ? Optional.empty() : Optional.of(new Match(bySender, "sender"));
  }

  /** For log lines: how much is known. */
  @Override
  public String toString() {
    return new ArrayList<>(
            List.of(sentIds.size() + " sent ids", openContacts.size() + " open contacts"))
        .toString();
  }
}
