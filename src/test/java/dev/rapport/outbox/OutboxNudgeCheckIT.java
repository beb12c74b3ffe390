package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.testing.RapportMail;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The last check before a nudge goes: the inbox read up to now, and nobody has answered. */
class OutboxNudgeCheckIT {
  @RegisterExtension static final RapportMail mail = RapportMail.account(ME.email(), PASSWORD);

  @TempDir Path dir;
  OutboxFixture f;
  long ada;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
    long outreach = f.approved(ada, DraftKind.OUTREACH, "Hello", "Could we talk?");
    f.service(OutboxFixture.always()).sendDue(greenMail());
    assertThat(f.status(outreach)).isEqualTo(DraftStatus.SENT);
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
  void anApprovedNudgeWaitsWhileTheInboxHasNotBeenRead() {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    AtomicBoolean read = new AtomicBoolean(false);
    OutboxService outbox = f.service(OutboxFixture.always()).holdNudgesUnless(read::get);
    assertThat(outbox.sendDue(greenMail()).sent()).isZero();
    assertThat(f.status(nudge)).isEqualTo(DraftStatus.APPROVED);
    read.set(true);
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
    assertThat(f.status(nudge)).isEqualTo(DraftStatus.SENT);
    assertThat(f.stage(ada)).isEqualTo(Stage.FOLLOWED_UP);
  }

  @Test
  void aNudgeToSomeoneWhoAnsweredIsCancelledInsteadOfSent() {
    long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Following up", "Any news?");
    // The stage moved without the inbox's cancellation (by hand, say): the outbox still stops it.
    f.db.transaction(
        c -> f.contacts.apply(c, ada, Trigger.HUMAN_REPLY, "reply", Link.contact(ada)));
    assertThat(f.service(OutboxFixture.always()).sendDue(greenMail()).sent()).isZero();
    assertThat(f.status(nudge)).isEqualTo(DraftStatus.CANCELLED);
    assertThat(f.events(ada, EventType.DRAFT_CANCELLED)).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(2); // the outreach and its Sent copy
  }
}
