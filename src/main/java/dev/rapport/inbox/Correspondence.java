package dev.rapport.inbox;

import dev.rapport.inbox.classify.Classification;
import dev.rapport.inbox.classify.Kind;
import dev.rapport.inbox.classify.MessageIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the watcher knows of the user's correspondence at the start of a poll: the Message-IDs
 * rapport sent (with their contact and the address each went to), the contacts in a conversation by
 * address, every contact by address (for bounces), and the user's own addresses. It decides which
 * incoming messages concern a contact, which one, and whether the message is proof enough to act
 * on.
 *
 * <p>Inbound mail is evidence, not a command: anyone can write a text that looks like a bounce. A
 * bounce counts only when it refers to a message rapport sent (its Message-ID in the returned
 * headers or the quoted copy, In-Reply-To/References, or a DSN's Original-Envelope-Id) and names
 * the address that message went to (or names none). Anything less is a {@link Match#doubt()
 * doubtful} match: kept on the contact's timeline for the user to judge, no stage moved.
 */
final class Correspondence {
  /** A message rapport sent: to whom, at which address (lower-cased). */
  record Sent(long contactId, String toAddress) {}

  /**
   * Which contact a message concerns, and by what evidence; {@code doubt} is null when the evidence
   * is enough to act on, else why it is not.
   */
  record Match(long contactId, String by, String doubt) {
    Match(long contactId, String by) {
      this(contactId, by, null);
    }

    boolean doubtful() {
      return doubt != null;
    }
  }

  private final Map<String, Sent> sentIds;
  private final Map<String, Long> openContacts;
  private final Map<String, Long> allContacts;
  private final Set<String> ownAddresses;

  Correspondence(
      Map<String, Sent> sentIds,
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
   * The contact a classified message concerns. Replies, in order: In-Reply-To and References
   * against the Message-IDs we sent (so an assistant answering in the thread counts), then the
   * sender's address among the contacts in a conversation. Bounces, complaints and delivery
   * reports: see {@link #aboutOurMessage}.
   */
  Optional<Match> match(IncomingHeaders h, Classification c) {
    if (c.kind().isBounce() || c.kind() == Kind.COMPLAINT || c.kind() == Kind.DELIVERY_REPORT)
      return aboutOurMessage(h, c);
    List<String> inReplyTo = inReplyTo(h);
    for (String id : h.thread()) {
      Sent sent = sentIds.get(id);
      if (sent != null)
        return Optional.of(
            new Match(sent.contactId(), inReplyTo.contains(id) ? "in-reply-to" : "references"));
    }
    return bySender(h, null);
  }

  /**
   * A report about a message: first a message rapport sent that it refers to (thread headers, then
   * the original Message-IDs found inside), accepted when the report names the address that message
   * went to or names none; then any contact it names, and last the sender among contacts in a
   * conversation. For bounces all but the first are doubtful, and so is a reference to our message
   * that names another address: it does not bounce whoever that address belongs to. Complaints keep
   * acting on the contact they name: pausing is the cautious way to be wrong.
   */
  private Optional<Match> aboutOurMessage(IncomingHeaders h, Classification c) {
    boolean bounce = c.kind().isBounce();
    List<String> inReplyTo = inReplyTo(h);
    Set<String> ids = new LinkedHashSet<>(h.thread());
    ids.addAll(c.originalMessageIds());
    Match otherAddress = null;
    for (String id : ids) {
      Sent sent = sentIds.get(id);
      if (sent == null) continue;
      String by =
          inReplyTo.contains(id)
              ? "in-reply-to"
              : h.thread().contains(id) ? "references" : "original-message-id";
      if (c.recipients().isEmpty() || c.recipients().contains(sent.toAddress()))
        return Optional.of(new Match(sent.contactId(), by, movedAway(sent, bounce)));
      if (otherAddress == null)
        otherAddress =
            new Match(
                sent.contactId(),
                by + "?",
                "it refers to a message rapport sent to "
                    + sent.toAddress()
                    + " but names "
                    + String.join(", ", c.recipients()));
    }
    if (otherAddress != null) return Optional.of(otherAddress);
    String unreferenced = bounce ? "it does not refer to anything rapport sent" : null;
    for (String address : c.recipients()) {
      Long contact = allContacts.get(address.toLowerCase(Locale.ROOT));
      if (contact != null)
        return Optional.of(
            new Match(contact, "failed-recipient" + (bounce ? "?" : ""), unreferenced));
    }
    return bySender(h, unreferenced);
  }

  /** A bounce of an address the contact no longer has says nothing about the one they have now. */
  private String movedAway(Sent sent, boolean bounce) {
    if (!bounce || sent.contactId() == allContacts.getOrDefault(sent.toAddress(), -1L)) return null;
    return "it is about " + sent.toAddress() + ", which is no longer the contact's address";
  }

  private Optional<Match> bySender(IncomingHeaders h, String doubt) {
    Long contact = openContacts.get(h.from());
    return contact == null
        ? Optional.empty()
        : Optional.of(new Match(contact, "sender" + (doubt == null ? "" : "?"), doubt));
  }

  private static List<String> inReplyTo(IncomingHeaders h) {
    return h.headers().all("In-Reply-To").stream()
        .flatMap(v -> MessageIds.parse(v).stream())
        .toList();
  }

  /** For log lines: how much is known. */
  @Override
  public String toString() {
    return new ArrayList<>(
            List.of(sentIds.size() + " sent ids", openContacts.size() + " open contacts"))
        .toString();
  }
}
