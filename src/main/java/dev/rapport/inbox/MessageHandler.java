package dev.rapport.inbox;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.NudgeCancellation;
import dev.rapport.draft.Replies;
import dev.rapport.inbox.classify.Classification;
import dev.rapport.inbox.classify.ClassificationContext;
import dev.rapport.inbox.classify.Classifier;
import dev.rapport.inbox.classify.DeclineSigns;
import dev.rapport.inbox.classify.Kind;
import dev.rapport.inbox.classify.MessageReader;
import dev.rapport.inbox.classify.MessageView;
import dev.rapport.inbox.classify.ReadMessage;
import dev.rapport.inbox.classify.ReplyWords;
import dev.rapport.interview.Invitations;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one incoming message that may concern a contact does, inside the caller's transaction: it is
 * classified, matched to a contact, kept (with a short excerpt) and acted on — a human reply moves
 * the contact to REPLIED and cancels its waiting nudges; a hard bounce marks it BOUNCED; a
 * complaint PAUSES it; a soft bounce and an auto-reply are events, the latter holding nudges until
 * the return date. Everything else changes no contact. Each message is read once: the classifier
 * judges the same reading whose text is kept.
 */
public final class MessageHandler {
  private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
  static final int EXCERPT_CHARS = 500;

  /**
   * What became of one message, for the poll's summary and for tests; {@code softBounce} says whose
   * delivery is delayed, for a soft bounce matched to a contact, and is null otherwise.
   */
  record Outcome(Kind kind, Long contactId, String matchedBy, String softBounce) {}

  private final ContactService contacts;
  private final InboxStore store = new InboxStore();
  private final Clock clock;
  private final MessageReader reader;
  private final Classifier classifier;
  private final NudgeCancellation nudges = new NudgeCancellation();
  private final Replies replies = new Replies();
  private final Invitations invitations;

  /**
   * @param reader reads each message once, keeping at most the watcher's {@code bodyCap} of text
   * @param invitations books the interview a reply's calendar invitation proposes
   */
  public MessageHandler(
      ContactService contacts,
      Invitations invitations,
      MessageReader reader,
      Classifier classifier,
      Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
    this.reader = reader;
    this.invitations = invitations;
    this.classifier = classifier;
  }

  Outcome handle(
      Connection c,
      String folder,
      long uidValidity,
      IncomingHeaders h,
      byte[] raw,
      Correspondence known) {
    ReadMessage read = reader.readAll(raw); // an mbox of several is split here
    MessageView view = read.first();
    ClassificationContext context =
        new ClassificationContext(known.ownAddresses(), clock, known::isOurMessageId);
    Classification verdict =
        known.isOwn(h)
            ? Classification.of(Kind.OWN_MESSAGE, "own-message-id")
            : classifier.classify(read, context);
    if (verdict.kind() == Kind.UNREADABLE) {
      log.warn("skipped unreadable message UID {} in {}: {}", h.uid(), folder, verdict.detail());
    } else if (!verdict.problems().isEmpty()) {
      log.info("message UID {} in {} read with problems: {}", h.uid(), folder, verdict.problems());
    }
    Optional<Correspondence.Match> match =
        acts(verdict.kind()) ? known.match(h, verdict) : Optional.empty();
    Long contactId = match.map(Correspondence.Match::contactId).orElse(null);
    String subject = h.subject();
    long rowId =
        store.insert(
            c,
            new InboxStore.Row(
                h.key(),
                folder,
                uidValidity,
                h.uid(),
                contactId,
                verdict.kind(),
                verdict.rule(),
                match.map(Correspondence.Match::by).orElse(null),
                h.messageId().orElse(null),
                h.from(),
                subject,
                h.date().orElse(null),
                contactId == null ? null : excerpt(view.text())),
            clock.instant());
    if (match.isEmpty()) {
      log.debug("message UID {} in {} ({}) concerns no contact", h.uid(), folder, verdict.kind());
      return new Outcome(verdict.kind(), null, null, null);
    }
    if (match.get().doubtful()) {
      keepAsEvidence(c, match.get(), verdict, h, rowId);
      return new Outcome(verdict.kind(), contactId, match.get().by(), null);
    }
    act(c, match.get(), verdict, view, h, rowId);
    if (verdict.kind() == Kind.HUMAN_REPLY) invitation(c, match.get().contactId(), raw, rowId);
    return new Outcome(
        verdict.kind(),
        contactId,
        match.get().by(),
        verdict.kind() == Kind.BOUNCE_SOFT ? softBounce(verdict, contactId) : null);
  }

  private static boolean acts(Kind kind) {
    return switch (kind) {
      case HUMAN_REPLY, AUTO_REPLY, BOUNCE_HARD, BOUNCE_SOFT, COMPLAINT -> true;
      default -> false;
    };
  }

  private void act(
      Connection c,
      Correspondence.Match match,
      Classification verdict,
      MessageView view,
      IncomingHeaders h,
      long rowId) {
    long id = match.contactId();
    Link link = new Link("message", rowId);
    String about = "\"" + shortened(h.subject(), 120) + "\" from " + h.from();
    Instant now = clock.instant();
    switch (verdict.kind()) {
      case HUMAN_REPLY -> {
        String words = ReplyWords.of(view.text());
        replies.received(
            c,
            contacts,
            id,
            new Replies.Reply(
                "Reply " + about,
                "matched by " + match.by() + messageId(h),
                words.isEmpty() ? null : words,
                DeclineSigns.phrase(words).orElse(null)),
            about,
            link,
            now);
        log.info("reply from contact {} ({}): {}", id, match.by(), h.from());
      }
      case AUTO_REPLY -> {
        String until =
            verdict
                .returnDate()
                .map(d -> "; back on " + d.date() + " (\"" + shortened(d.phrase(), 80) + "\")")
                .orElse("");
        contacts.record(c, id, EventType.AUTO_REPLY, "Automatic reply " + about + until, link);
        verdict.returnDate().ifPresent(d -> store.holdNudges(c, id, d.date()));
        log.info("auto-reply for contact {}{}", id, until);
      }
      case BOUNCE_HARD -> {
        String detail =
            "Hard bounce"
                + status(verdict)
                + ": the address "
                + recipients(verdict)
                + " does not take mail";
        contacts.record(c, id, EventType.BOUNCE, detail, link);
        contacts.apply(c, id, Trigger.HARD_BOUNCE, detail, link);
        cancelNudges(c, id, "the address bounced", now);
        log.info("hard bounce for contact {}{}", id, status(verdict));
      }
      case BOUNCE_SOFT -> {
        String detail =
            "Temporary delivery problem"
                + status(verdict)
                + " for "
                + recipients(verdict)
                + "; the mail system may still deliver it"
                + (verdict.detail().isBlank() ? "" : ": " + shortened(verdict.detail(), 300));
        contacts.record(c, id, EventType.SOFT_BOUNCE, detail, link);
        log.warn(
            "soft bounce: {}; the mail system keeps trying, nothing to do unless a hard bounce"
                + " follows",
            softBounce(verdict, id));
      }
      case COMPLAINT -> {
        String detail = "Complaint or unsubscribe request " + about;
        contacts.record(c, id, EventType.COMPLAINT, detail, link);
        contacts.apply(c, id, Trigger.COMPLAINT, detail, link);
        cancelNudges(c, id, "the contact asked not to be contacted", now);
        log.warn("complaint from contact {}: paused", id);
      }
      default -> throw new IllegalStateException("no action for " + verdict.kind());
    }
  }

  /**
   * A report that does not prove it concerns what rapport sent: on the timeline for the user to
   * judge, nothing else.
   */
  private void keepAsEvidence(
      Connection c,
      Correspondence.Match match,
      Classification verdict,
      IncomingHeaders h,
      long rowId) {
    String what =
        switch (verdict.kind()) {
          case BOUNCE_HARD -> "a bounce";
          case BOUNCE_SOFT -> "a delayed delivery";
          case COMPLAINT -> "a complaint";
          default -> "a delivery report";
        };
    String detail =
        "\""
            + shortened(h.subject(), 120)
            + "\" from "
            + h.from()
            + " looks like "
            + what
            + (verdict.recipients().isEmpty() ? "" : " for " + recipients(verdict))
            + status(verdict)
            + ", but "
            + match.doubt()
            + ". The stage is unchanged: judge for yourself.";
    contacts.record(
        c, match.contactId(), EventType.UNVERIFIED_REPORT, detail, new Link("message", rowId));
    log.info("contact {}: {} not acted on: {}", match.contactId(), verdict.kind(), match.doubt());
  }

  /** A calendar invitation in a contact's reply books (or moves) their interview. */
  private void invitation(Connection c, long contactId, byte[] raw, long rowId) {
    CalendarPart.find(raw)
        .flatMap(ics -> invitations.receive(c, contactId, ics, new Link("message", rowId)))
        .ifPresent(
            i ->
                log.info(
                    "calendar invitation from contact {}: interview {} at {}",
                    contactId,
                    i.id(),
                    i.startsAt()));
  }

  private void cancelNudges(Connection c, long contactId, String reason, Instant now) {
    nudges.cancelAndRecord(c, contacts, contactId, "", reason, now);
  }

  /** "delivery to bo@corp.test (contact 7) is delayed (4.4.1)", for the log and for sync. */
  static String softBounce(Classification v, long contactId) {
    return "delivery to "
        + (v.recipients().isEmpty() ? "" : String.join(", ", v.recipients()) + " ")
        + "(contact "
        + contactId
        + ") is delayed"
        + status(v);
  }

  private static String status(Classification v) {
    return v.statusCodes().isEmpty() ? "" : " (" + String.join(", ", v.statusCodes()) + ")";
  }

  private static String recipients(Classification v) {
    return v.recipients().isEmpty() ? "of the contact" : String.join(", ", v.recipients());
  }

  /** The first lines of what the message says, without quoted text, on one line. */
  static String excerpt(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith(">")) continue;
      if (l.matches("(?i)^on .{0,200} wrote:$") || l.equals("--")) break;
      if (l.isEmpty()) continue;
      if (b.length() > 0) b.append(' ');
      b.append(l);
      if (b.length() >= EXCERPT_CHARS) break;
    }
    return shortened(b.toString(), EXCERPT_CHARS);
  }

  private static String shortened(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String messageId(IncomingHeaders h) {
    return h.messageId().map(id -> "; Message-ID " + id).orElse("");
  }
}
