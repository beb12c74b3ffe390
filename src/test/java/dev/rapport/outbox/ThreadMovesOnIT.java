package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.EventType;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.testing.RapportMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A draft's thread is decided when it is drafted; when another message goes to the contact first,
 * the draft is moved to the new thread and waits for review again: never sent with headers the user
 * did not see.
 */
class ThreadMovesOnIT {
  @RegisterExtension static final RapportMail mail = RapportMail.account(ME.email(), PASSWORD);

  @TempDir Path dir;
  OutboxFixture f;
  long ada;
  long outreach;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
    outreach = f.approved(ada, DraftKind.OUTREACH, "AW: Re: Coffee?", "Could we talk?");
    f.service(OutboxFixture.always()).sendDue(greenMail());
    assertThat(f.status(outreach)).isEqualTo(DraftStatus.SENT);
    f.clock.advance(Duration.ofDays(7));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  OutboxMail greenMail() {
    return OutboxFixture.mail(
        mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.sandbox());
  }

  @Test
  void aReplyIsDraftedWithOnePrefixAndTheThreadOfTheLastMessage() {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    assertThat(f.column(nudge, "subject")).isEqualTo("Re: Coffee?");
    assertThat(f.column(nudge, "in_reply_to")).isEqualTo(f.messageId(outreach));
    assertThat(f.column(nudge, "references_ids")).isEqualTo(f.messageId(outreach));
  }

  @Test
  void anApprovedDraftWhoseThreadMovedGoesBackForReviewNotOut() throws Exception {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    long thanks = f.approved(ada, DraftKind.THANK_YOU, "Thank you", "Thanks for your time.");
    f.set(thanks, "subject = ?", "Thanks, Ada"); // the user's own subject, edited before approval

    PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

    assertThat(s.sent()).isEqualTo(1);
    assertThat(f.status(nudge)).isEqualTo(DraftStatus.SENT);
    assertThat(f.status(thanks))
        .as("approved as a reply to the outreach; the nudge went first")
        .isEqualTo(DraftStatus.PENDING);
    assertThat(f.column(thanks, "in_reply_to")).isEqualTo(f.messageId(nudge));
    assertThat(f.column(thanks, "references_ids"))
        .isEqualTo(f.messageId(outreach) + " " + f.messageId(nudge));
    assertThat(f.column(thanks, "subject")).as("an edited subject stays").isEqualTo("Thanks, Ada");
    assertThat((String) f.column(thanks, "review_note"))
        .contains("Draft " + nudge + " went to them after this draft was made")
        .contains("approve it again");
    assertThat(f.events(ada, EventType.DRAFT_THREAD_MOVED)).hasSize(1);
    assertThat(delivered()).as("the outreach and the nudge, each with its Sent copy").hasSize(4);
    assertThat(Arrays.stream(delivered()).map(m -> header(m, "Subject")))
        .doesNotContain("Thanks, Ada");
  }

  @Test
  void aDraftNotEditedFollowsTheNewThreadsSubject() {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    long keep = f.approved(ada, DraftKind.KEEP_IN_TOUCH, "Hello again", "News from me.");
    f.set(nudge, "subject = ?", "Re: Re: Coffee? (one more time)");
    f.set(nudge, "drafted_subject = ?", "Re: Re: Coffee? (one more time)");

    f.service(OutboxFixture.always()).sendDue(greenMail());

    assertThat(f.status(keep)).isEqualTo(DraftStatus.PENDING);
    assertThat(f.column(keep, "subject"))
        .as("one Re:, in front of the subject of the message it now answers")
        .isEqualTo("Re: Coffee? (one more time)");
  }

  @Test
  void aStaleThreadFoundAtSendingTimeIsNeverSent() throws Exception {
    long thanks = f.approved(ada, DraftKind.THANK_YOU, "Thank you", "Thanks for your time.");
    // Another message to Ada was recorded SENT behind the outbox's back (a resolve by hand, an
    // older version): the approved draft's stored thread is out of date.
    long other = f.approved(ada, DraftKind.FOLLOW_UP, "Other", "Other");
    f.set(
        other,
        "status = 'SENT', message_id = '<other@example.org>', sent_at = ?",
        f.clock.instant());

    PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

    assertThat(s.sent()).isZero();
    assertThat(f.status(thanks)).isEqualTo(DraftStatus.PENDING);
    assertThat(f.column(thanks, "in_reply_to")).isEqualTo("<other@example.org>");
    assertThat(delivered()).as("only the outreach and its copy").hasSize(2);
  }

  @Test
  void approvalClearsTheNoteAndTheDraftGoesOutAsNowShown() throws Exception {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    long thanks = f.approved(ada, DraftKind.THANK_YOU, "Thank you", "Thanks for your time.");
    OutboxService outbox = f.service(OutboxFixture.always());
    outbox.sendDue(greenMail());
    assertThat(f.status(thanks)).isEqualTo(DraftStatus.PENDING);
    MessagePreview shown = outbox.preview(thanks);

    f.set(thanks, "status = 'APPROVED', review_note = NULL, approved_at = ?", f.clock.instant());
    outbox.sendDue(greenMail());

    assertThat(f.status(thanks)).isEqualTo(DraftStatus.SENT);
    MimeMessage sent =
        Arrays.stream(delivered())
            .filter(m -> header(m, "Message-ID").equals(f.messageId(thanks)))
            .findFirst()
            .orElseThrow();
    assertThat(header(sent, "In-Reply-To")).isEqualTo(f.messageId(nudge));
    assertThat(header(sent, "In-Reply-To")).isEqualTo(value(shown, "In-Reply-To"));
    assertThat(header(sent, "Subject")).isEqualTo(value(shown, "Subject"));
  }

  private MimeMessage[] delivered() {
    return mail.getReceivedMessages();
  }

  private static String header(MimeMessage m, String name) {
    try {
      String[] v = m.getHeader(name);
      return v == null ? null : v[0].replaceAll("\\s+", " ").strip();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(MessagePreview p, String name) {
    return p.headers().stream()
        .filter(h -> h.name().equals(name))
        .map(MessagePreview.Header::value)
        .findFirst()
        .orElse(null);
  }
}
