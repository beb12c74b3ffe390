package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.EventType;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.testing.RapportMail;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sent copies appended on their own connection and thread while the pass goes on ({@link
 * SentCopies}): more drafts than its queue holds, each copy there exactly once and each draft SENT
 * after it; a draft to a contact whose last message is still being copied claimed only once that
 * one is SENT; copies that cannot be appended handled as before.
 */
class SentCopiesIT {
  @RegisterExtension static final RapportMail mail = RapportMail.account(ME.email(), PASSWORD);

  static final int MANY = 2 * SentCopies.QUEUE + 7;

  @TempDir Path dir;
  OutboxFixture f;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  static OutboxMail greenMail() {
    return OutboxFixture.mail(
        mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.sandbox());
  }

  /** What reached the contacts' mailboxes (GreenMail counts the Sent copies too). */
  static long delivered() {
    return mail.findReceivedMessages(u -> !u.getEmail().equals(ME.email()), m -> true).count();
  }

  @Test
  void everyCopyIsInSentExactlyOnceAndEveryDraftIsSentAfterIt() throws Exception {
    List<Long> contacts = new ArrayList<>();
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      long c = f.contact("Person " + i, "person" + i + "@example.net");
      contacts.add(c);
      drafts.add(f.approved(c, DraftKind.OUTREACH, "Question " + i, "Hello " + i));
    }

    PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

    assertThat(s.sent()).isEqualTo(MANY);
    List<String> inSent =
        OutboxFixture.folder(mail.getImap().getPort(), "Sent").stream()
            .map(m -> m.get("Message-ID"))
            .toList();
    assertThat(inSent).doesNotHaveDuplicates().hasSize(MANY);
    for (int i = 0; i < MANY; i++) {
      long d = drafts.get(i);
      assertThat(f.status(d)).as("draft %d", d).isEqualTo(DraftStatus.SENT);
      assertThat(f.column(d, "sent_copy")).isEqualTo("COPIED");
      assertThat(inSent).contains(f.messageId(d));
      assertThat(f.stage(contacts.get(i))).isEqualTo(Stage.CONTACTED);
      assertThat(f.events(contacts.get(i), EventType.DRAFT_SENT)).hasSize(1);
    }
    assertThat(delivered()).isEqualTo(MANY);
  }

  @Test
  void aDraftToAContactWhoseLastMessageIsStillBeingCopiedWaitsForItsSent() throws Exception {
    for (int i = 0; i < 5; i++) {
      long c = f.contact("Person " + i, "person" + i + "@example.net");
      f.approved(c, DraftKind.OUTREACH, "Question " + i, "Hello " + i);
    }
    long ada = f.contact("Ada Lovelace", "ada@example.net");
    long outreach = f.approved(ada, DraftKind.OUTREACH, "A question", "Hello Ada");
    // Drafted before the outreach went: it would reply to nothing, so the claim puts it back.
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "A question", "Did you see my note?");
    for (int i = 5; i < 10; i++) {
      long c = f.contact("Person " + i, "person" + i + "@example.net");
      f.approved(c, DraftKind.OUTREACH, "Question " + i, "Hello " + i);
    }

    PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

    assertThat(s.sent()).isEqualTo(11);
    assertThat(f.status(outreach)).isEqualTo(DraftStatus.SENT);
    assertThat(f.status(nudge))
        .as("its thread was checked against the outreach, SENT by then")
        .isEqualTo(DraftStatus.PENDING);
    assertThat(f.column(nudge, "in_reply_to")).isEqualTo(f.messageId(outreach));
    assertThat(f.stage(ada)).isEqualTo(Stage.CONTACTED);
    assertThat(f.events(ada, EventType.DRAFT_CANCELLED)).isEmpty();
    assertThat(delivered()).isEqualTo(11);
  }

  @Test
  void copiesThatCannotBeAppendedLeaveTheDraftsSentWithTheCopyFailed() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    List<Long> contacts = new ArrayList<>();
    List<Long> drafts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long c = f.contact("Person " + i, "person" + i + "@example.net");
      contacts.add(c);
      drafts.add(f.approved(c, DraftKind.OUTREACH, "Question " + i, "Hello " + i));
    }

    OutboxService outbox = f.service(OutboxFixture.always());
    PassSummary s =
        outbox.sendDue(OutboxFixture.mail(mail.getSmtp().getPort(), closed, SentPolicy.sandbox()));

    assertThat(s.sent()).isEqualTo(3);
    assertThat(delivered()).isEqualTo(3);
    for (long d : drafts) {
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
      assertThat(f.column(d, "sent_copy")).isEqualTo("FAILED");
    }
    assertThat(outbox.uncopied()).isEqualTo(3);
    for (long c : contacts) {
      assertThat(f.stage(c)).isEqualTo(Stage.CONTACTED);
      assertThat(f.events(c, EventType.DRAFT_SENT))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.detail())
                      .contains("the copy in your Sent folder could not be saved"));
    }
  }
}
