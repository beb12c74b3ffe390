package dev.rapport.outbox;

import dev.rapport.NotFoundException;
import dev.rapport.config.Config;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.Database;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Shows a draft as the outbox would send it, headers included, for review. */
final class MessagePreviews {
  private final Database db;
  private final OutboxStore store;
  private final Config.Me me;
  private final Clock clock;

  MessagePreviews(Database db, OutboxStore store, Config.Me me, Clock clock) {
    this.db = db;
    this.store = store;
    this.me = me;
    this.clock = clock;
  }

  /**
   * The message this draft is sent as, built as the outbox builds it from the stored draft: From
   * with your name, To with the contact's, the subject, In-Reply-To and References as decided when
   * it was drafted, and the MIME headers. A draft not yet sent shows "(set when sent)" for its Date
   * and, if it has none yet, its Message-ID.
   */
  MessagePreview preview(long id) {
    return db.read(
        c -> {
          OutboxStore.Row r =
              store
                  .find(c, id)
                  .orElseThrow(() -> new NotFoundException("There is no draft " + id + "."));
          boolean settled = r.status() != DraftStatus.PENDING && r.status() != DraftStatus.APPROVED;
          String messageId = r.messageId() != null ? r.messageId() : "<preview@rapport.invalid>";
          // Every header but Date and the Message-ID was fixed when the draft was made: the
          // preview is the stored draft, whatever its status.
          Outgoing o =
              Outgoing.of(r, messageId)
                  .with(new dev.rapport.draft.DraftAttachments().of(c, r.id()));
          MimeMessage m;
          try {
            m =
                OutgoingMessage.build(
                    Session.getInstance(new java.util.Properties()), me, o, clock.instant());
          } catch (UnsendableDraftException e) {
            return new MessagePreview(List.of(), r.draft().body(), e.getMessage());
          }
          List<MessagePreview.Header> headers = new ArrayList<>();
          try {
            for (String name :
                List.of(
                    "From",
                    "To",
                    "Subject",
                    "Date",
                    "Message-ID",
                    "In-Reply-To",
                    "References",
                    "MIME-Version",
                    "Content-Type",
                    "Content-Transfer-Encoding")) {
              String value = m.getHeader(name, ", ");
              if (value == null) continue;
              if (name.equals("Date") && !settled) value = "(set when sent)";
              else if (name.equals("Message-ID") && r.messageId() == null)
                value = "(set when sent)";
              else
                value =
                    jakarta.mail.internet.MimeUtility.decodeText(
                        jakarta.mail.internet.MimeUtility.unfold(value));
              headers.add(new MessagePreview.Header(name, value));
            }
          } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            return new MessagePreview(
                List.of(), r.draft().body(), "the message could not be built: " + e.getMessage());
          }
          return new MessagePreview(headers, r.draft().body(), null);
        });
  }
}
