package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contact.EventType;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.DraftStatus;
import dev.rapport.testing.RapportMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutboxServiceIT {
  @RegisterExtension static final RapportMail mail = RapportMail.account(ME.email(), PASSWORD);

  @TempDir Path dir;
  OutboxFixture f;
  long ada;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00")); // a Monday
    ada = f.contact("Ada Lovelace", "ada@example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  OutboxMail greenMail() {
    return OutboxFixture.mail(
        mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.sandbox());
  }

  /**
   * What reached the contacts' mailboxes; GreenMail also counts the copies filed in the user's
   * Sent.
   */
  static MimeMessage[] delivered() {
    return mail.findReceivedMessages(u -> !u.getEmail().equals(ME.email()), m -> true)
        .toArray(MimeMessage[]::new);
  }

  MimeMessage onlyMessage() {
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] all = delivered();
    assertThat(all).hasSize(1);
    return all[0];
  }

  @Nested
  class Sending {
    @Test
    void anApprovedDraftGoesOutWithItsHeadersAndBecomesSent() throws Exception {
      long d =
          f.approved(
              ada,
              DraftKind.OUTREACH,
              "Grüße – a question about your work",
              "Hallo Ada,\nkurze Frage … 30 Minuten?\n");
      PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

      assertThat(s.sent()).isEqualTo(1);
      MimeMessage m = onlyMessage();
      String stored = f.messageId(d);
      assertThat(stored).matches("<[0-9a-f]{24}\\.[0-9a-z]+@example\\.org>");
      assertThat(m.getMessageID())
          .as("the stored Message-ID, kept through saveChanges")
          .isEqualTo(stored);
      assertThat(m.getHeader("From")[0]).startsWith("=?UTF-8?").endsWith("<zoe@example.org>");
      InternetAddress from = (InternetAddress) m.getFrom()[0];
      assertThat(from.getPersonal()).isEqualTo("Zoë Ström");
      InternetAddress to = (InternetAddress) m.getRecipients(Message.RecipientType.TO)[0];
      assertThat(to.getAddress()).isEqualTo("ada@example.net");
      assertThat(to.getPersonal()).isEqualTo("Ada Lovelace");
      assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
      assertThat(m.getSubject()).isEqualTo("Grüße – a question about your work");
      assertThat(m.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
      assertThat(m.getContent().toString().replace("\r\n", "\n").strip())
          .isEqualTo("Hallo Ada,\nkurze Frage … 30 Minuten?");
      assertThat(m.getHeader("Content-Transfer-Encoding")[0]).isIn("quoted-printable", "8bit");
      assertThat(m.getSentDate()).isEqualTo(java.util.Date.from(f.clock.instant()));
      assertThat(m.getHeader("In-Reply-To")).isNull();

      assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
      assertThat(f.column(d, "sent_at")).isNotNull();
      assertThat(f.column(d, "sent_copy")).isEqualTo("COPIED");
      assertThat(f.stage(ada)).isEqualTo(Stage.CONTACTED);
      var sent = f.events(ada, EventType.DRAFT_SENT);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).linkType()).isEqualTo("draft");
      assertThat(sent.get(0).linkId()).isEqualTo(d);
      assertThat(sent.get(0).technical()).contains(stored);
      assertThat(sent.get(0).detail())
          .doesNotContain(stored)
          .contains("with a copy in your Sent folder");
      assertThat(
              f.events(ada, EventType.STAGE)
                  .get(f.events(ada, EventType.STAGE).size() - 1)
                  .detail())
          .contains("OUTREACH_SENT");

      var copies = OutboxFixture.folder(mail.getImap().getPort(), "Sent");
      assertThat(copies).hasSize(1);
      assertThat(copies.get(0).get("Message-ID")).isEqualTo(stored);
      assertThat(copies.get(0).get("Seen")).isEqualTo("true");
    }

    @Test
    void aSecondPassSendsNothingAgain() {
      long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "Hi");
      OutboxService outbox = f.service(OutboxFixture.always());
      outbox.sendDue(greenMail());
      PassSummary again = outbox.sendDue(greenMail());
      assertThat(again.sent()).isZero();
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
      assertThat(delivered()).hasSize(1);
    }

    @Test
    void followUpsAndThankYousAreRepliesInTheThread() throws Exception {
      long first = f.approved(ada, DraftKind.OUTREACH, "A question about hospital logistics", "Hi");
      OutboxService outbox = f.service(OutboxFixture.always());
      outbox.sendDue(greenMail());
      f.clock.advance(Duration.ofDays(7));
      long nudge = f.approved(ada, DraftKind.FOLLOW_UP, "Just checking in", "Any time for a call?");
      outbox.sendDue(greenMail());
      f.clock.advance(Duration.ofDays(7));
      long again = f.approved(ada, DraftKind.FOLLOW_UP, "Re: my own subject", "One more time");
      outbox.sendDue(greenMail());

      assertThat(mail.waitForIncomingEmail(5000, 3))
          .isTrue(); // the deliveries are counted before the copies
      MimeMessage[] all = delivered();
      MimeMessage second = all[1];
      assertThat(second.getSubject()).isEqualTo("Re: A question about hospital logistics");
      assertThat(second.getHeader("In-Reply-To")[0]).isEqualTo(f.messageId(first));
      assertThat(second.getHeader("References")[0]).isEqualTo(f.messageId(first));
      MimeMessage third = all[2];
      assertThat(third.getSubject())
          .as("a subject already starting with Re: is kept")
          .isEqualTo("Re: my own subject");
      assertThat(third.getHeader("In-Reply-To")[0]).isEqualTo(f.messageId(nudge));
      assertThat(third.getHeader("References")[0].replaceAll("\\s+", " "))
          .isEqualTo(f.messageId(first) + " " + f.messageId(nudge));
      assertThat(f.column(nudge, "subject"))
          .as("the draft records what went out")
          .isEqualTo("Re: A question about hospital logistics");
      assertThat(f.column(again, "in_reply_to")).isEqualTo(f.messageId(nudge));
      assertThat(f.stage(ada)).isEqualTo(Stage.FOLLOWED_UP);
      assertThat(f.contacts.get(ada).followUps()).isEqualTo(2);
    }

    @Test
    void aHeaderWithALineBreakIsFailedNeverSentAndTheBatchGoesOn() throws Exception {
      long bad = f.approved(ada, DraftKind.OUTREACH, "ok", "body");
      f.set(bad, "subject = ?", "Hello\r\nBcc: everyone@example.com");
      long bob = f.contact("Bob", "bob@example.net");
      long good = f.approved(bob, DraftKind.OUTREACH, "Fine", "body");

      PassSummary s = f.service(OutboxFixture.always()).sendDue(greenMail());

      assertThat(f.status(bad)).isEqualTo(DraftStatus.FAILED);
      assertThat((String) f.column(bad, "reason")).contains("subject").contains("CR");
      assertThat(f.status(good)).isEqualTo(DraftStatus.SENT);
      assertThat(onlyMessage().getSubject()).isEqualTo("Fine");
      assertThat(s.failed()).hasSize(1);
      assertThat(f.stage(ada)).isEqualTo(Stage.NEW);
      assertThat(f.events(ada, EventType.DRAFT_FAILED)).hasSize(1);
    }

    @Test
    void aNoteForSomeoneOffEmailIsNeverSentEvenIfItWereApproved() throws Exception {
      // Approval refuses such notes; were one APPROVED anyway, with an address, it still stays.
      long note = f.approved(ada, DraftKind.OUTREACH, "Connection note", "Hi Ada");
      f.set(note, "channel = 'LINKEDIN'");
      long bob = f.contact("Bob Example", "bob@example.net");
      long mail = f.approved(bob, DraftKind.OUTREACH, "By mail", "Hi");
      f.service(OutboxFixture.always()).sendDue(greenMail());
      assertThat(f.status(mail)).isEqualTo(DraftStatus.SENT);
      assertThat(f.status(note)).isEqualTo(DraftStatus.APPROVED);
      assertThat(delivered()).extracting(MimeMessage::getSubject).containsExactly("By mail");
    }

    @Test
    void aDraftNotApprovedIsNeverSent() {
      long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "Hi");
      f.set(d, "status = 'PENDING'");
      f.service(OutboxFixture.always()).sendDue(greenMail());
      assertThat(delivered()).isEmpty();
      assertThat(f.status(d)).isEqualTo(DraftStatus.PENDING);
    }
  }

  @Nested
  class Pacing {
    @Test
    void outsideTheWindowOnWeekendsAndOverTheCapDraftsWaitThenGoWhenTheClockMoves() {
      f.clock.set(berlin("2026-11-21T10:00")); // Saturday
      long bob = f.contact("Bob", "bob@example.net");
      long cy = f.contact("Cy", "cy@example.net");
      long d1 = f.approved(ada, DraftKind.OUTREACH, "1", "x");
      long d2 = f.approved(bob, DraftKind.OUTREACH, "2", "x");
      long d3 = f.approved(cy, DraftKind.OUTREACH, "3", "x");
      OutboxService outbox = f.service(OutboxFixture.office(2));

      PassSummary weekend = outbox.sendDue(greenMail());
      assertThat(weekend.sent()).isZero();
      assertThat(weekend.waiting()).isEqualTo(3);
      assertThat(weekend.waitUntil()).contains(berlin("2026-11-23T09:00"));
      assertThat(weekend.line(OutboxFixture.BERLIN))
          .isEqualTo("Sent 0; 3 waiting for the sending window (Mon 23 Nov 09:00).");
      assertThat(outbox.hasWork()).isFalse();

      f.clock.set(berlin("2026-11-23T08:59"));
      assertThat(outbox.sendDue(greenMail()).sent()).isZero();

      f.clock.set(berlin("2026-11-23T09:00"));
      assertThat(outbox.hasWork()).isTrue();
      PassSummary monday = outbox.sendDue(greenMail());
      assertThat(monday.sent()).isEqualTo(2);
      assertThat(monday.waitUntil()).contains(berlin("2026-11-24T09:00"));
      assertThat(List.of(f.status(d1), f.status(d2), f.status(d3)))
          .containsExactly(DraftStatus.SENT, DraftStatus.SENT, DraftStatus.APPROVED);

      f.clock.set(berlin("2026-11-23T12:00"));
      assertThat(outbox.hasWork()).as("the day's cap is reached").isFalse();
      f.clock.set(berlin("2026-11-23T17:30"));
      assertThat(outbox.sendDue(greenMail()).sent()).isZero();

      f.clock.set(berlin("2026-11-24T09:15"));
      assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
      assertThat(f.status(d3)).isEqualTo(DraftStatus.SENT);
      assertThat(delivered()).hasSize(3);
    }
  }

  @Nested
  class InTheContactsZone {
    @Test
    void aNoteToTokyoApprovedAtTenInBerlinWaitsUntilNineInTokyo() {
      // Monday 23 November, 10:00 in Berlin: 18:00 in Tokyo.
      long kenji = f.contact("Kenji Sato", "kenji@example.jp");
      f.contacts.timezone(kenji, "Asia/Tokyo");
      long toKenji = f.approved(kenji, DraftKind.OUTREACH, "To Tokyo", "x");
      long toAda = f.approved(ada, DraftKind.OUTREACH, "To Berlin", "x");
      OutboxService outbox = f.service(OutboxFixture.office(20));

      PassSummary now = outbox.sendDue(greenMail());
      assertThat(now.sent()).as("Ada has no zone of her own: the user's window").isEqualTo(1);
      assertThat(f.status(toAda)).isEqualTo(DraftStatus.SENT);
      assertThat(f.status(toKenji)).isEqualTo(DraftStatus.APPROVED);
      assertThat(now.waitUntil()).contains(berlin("2026-11-24T01:00"));
      assertThat(now.line(OutboxFixture.BERLIN))
          .as("shown in the user's zone")
          .isEqualTo("Sent 1; 1 waiting for the sending window (Tue 24 Nov 01:00).");
      assertThat(outbox.hasWork()).isFalse();

      f.clock.set(berlin("2026-11-24T00:59"));
      assertThat(outbox.hasWork()).isFalse();
      assertThat(outbox.sendDue(greenMail()).sent()).isZero();

      f.clock.set(berlin("2026-11-24T01:00")); // 09:00 in Tokyo
      assertThat(outbox.hasWork()).isTrue();
      PassSummary tokyoMorning = outbox.sendDue(greenMail());
      assertThat(tokyoMorning.sent()).isEqualTo(1);
      assertThat(tokyoMorning.waitUntil()).isEmpty();
      assertThat(f.status(toKenji)).isEqualTo(DraftStatus.SENT);
      assertThat(delivered()).hasSize(2);
    }

    @Test
    void aNoteToNewYorkGoesInTheirAfternoonAfterTheUsersWindowClosed() {
      long grace = f.contact("Grace Hopper", "grace@example.com");
      f.contacts.timezone(grace, "America/New_York");
      f.clock.set(berlin("2026-11-23T20:00")); // 14:00 in New York
      long toGrace = f.approved(grace, DraftKind.OUTREACH, "To New York", "x");
      long toAda = f.approved(ada, DraftKind.OUTREACH, "To Berlin", "x");
      OutboxService outbox = f.service(OutboxFixture.office(20));
      assertThat(outbox.hasWork()).isTrue();
      PassSummary evening = outbox.sendDue(greenMail());
      assertThat(evening.sent()).isEqualTo(1);
      assertThat(f.status(toGrace)).isEqualTo(DraftStatus.SENT);
      assertThat(f.status(toAda)).isEqualTo(DraftStatus.APPROVED);
      assertThat(evening.waitUntil()).contains(berlin("2026-11-24T09:00"));
    }

    @Test
    void theDaysCapIsSharedAcrossZonesAndCountedInTheUsersDay() {
      long grace = f.contact("Grace Hopper", "grace@example.com");
      f.contacts.timezone(grace, "America/New_York");
      f.clock.set(berlin("2026-11-23T15:00")); // 09:00 in New York
      long toAda = f.approved(ada, DraftKind.OUTREACH, "To Berlin", "x");
      f.clock.set(berlin("2026-11-23T15:01"));
      long toGrace = f.approved(grace, DraftKind.OUTREACH, "To New York", "x");
      OutboxService outbox = f.service(OutboxFixture.office(1));

      PassSummary first = outbox.sendDue(greenMail());
      assertThat(first.sent()).isEqualTo(1);
      assertThat(f.status(toAda)).as("the oldest approval first").isEqualTo(DraftStatus.SENT);
      assertThat(f.status(toGrace)).isEqualTo(DraftStatus.APPROVED);
      // Tuesday begins in Berlin at 18:00 New York time, after their window: 09:00 there.
      assertThat(first.waitUntil()).contains(berlin("2026-11-24T15:00"));

      f.clock.set(berlin("2026-11-23T17:00")); // 11:00 in New York: their window, but the cap
      assertThat(outbox.hasWork()).isFalse();
      assertThat(outbox.sendDue(greenMail()).sent()).isZero();
      f.clock.set(berlin("2026-11-24T14:59"));
      assertThat(outbox.sendDue(greenMail()).sent()).isZero();
      f.clock.set(berlin("2026-11-24T15:00"));
      assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
      assertThat(f.status(toGrace)).isEqualTo(DraftStatus.SENT);
    }

    @Test
    void theSandboxSendsToEveryZoneAtOnce() {
      long kenji = f.contact("Kenji Sato", "kenji@example.jp");
      f.contacts.timezone(kenji, "Asia/Tokyo");
      f.clock.set(berlin("2026-11-29T03:00")); // Sunday night in Berlin, Sunday noon in Tokyo
      f.approved(kenji, DraftKind.OUTREACH, "To Tokyo", "x");
      assertThat(f.service(OutboxFixture.always()).sendDue(greenMail()).sent()).isEqualTo(1);
    }
  }

  @Nested
  class Reconciling {
    long sending(long contact, String messageId, Long pid) {
      long d = f.approved(contact, DraftKind.OUTREACH, "Interrupted", "x");
      f.set(
          d,
          "status = 'SENDING', message_id = ?, sending_at = ?, sending_pid = ?",
          messageId,
          f.clock.instant(),
          pid);
      return d;
    }

    void fileInSent(String messageId) throws Exception {
      Properties p = new Properties();
      Store store = Session.getInstance(p).getStore("imap");
      store.connect("127.0.0.1", mail.getImap().getPort(), ME.email(), PASSWORD);
      Folder sent = store.getFolder("Sent");
      if (!sent.exists()) sent.create(Folder.HOLDS_MESSAGES);
      MimeMessage m = new OutgoingMessage.IdentifiedMessage(Session.getInstance(p), messageId);
      m.setText("x");
      m.saveChanges();
      sent.appendMessages(new Message[] {m});
      store.close();
    }

    @Test
    void aCopyInSentMakesItSentWithoutACopyItIsUncertainAndNeverResent() throws Exception {
      long bob = f.contact("Bob", "bob@example.net");
      long found = sending(ada, "<found.1@example.org>", null);
      long lost = sending(bob, "<lost.1@example.org>", 999_999_999L);
      fileInSent("<found.1@example.org>");
      fileInSent("<lost.1@example.org.other>"); // a Message-ID that merely contains the other one

      OutboxService outbox = f.service(OutboxFixture.always());
      PassSummary s = outbox.reconcile(greenMail());

      assertThat(s.reconciledSent()).isEqualTo(1);
      assertThat(s.reconciledUncertain()).isEqualTo(1);
      assertThat(f.status(found)).isEqualTo(DraftStatus.SENT);
      assertThat(f.stage(ada)).isEqualTo(Stage.CONTACTED);
      assertThat(f.status(lost)).isEqualTo(DraftStatus.UNCERTAIN);
      assertThat(f.stage(bob)).isEqualTo(Stage.NEW);
      assertThat(f.events(bob, EventType.DRAFT_UNCERTAIN).get(0).detail())
          .contains("<lost.1@example.org>");

      assertThat(outbox.sendDue(greenMail()).sent()).isZero();
      assertThat(outbox.reconcile(greenMail()).eventful()).isFalse();
      assertThat(delivered()).as("an UNCERTAIN draft is never resent by itself").isEmpty();
    }

    @Test
    void aSentFolderThatCannotBeSearchedLeavesItSendingUntilItCan() throws Exception {
      long bob = f.contact("Bob", "bob@example.net");
      long d = sending(ada, "<later.1@example.org>", null);
      long d2 = sending(bob, "<later.2@example.org>", null);
      int closed;
      try (java.net.ServerSocket s =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        closed = s.getLocalPort();
      }
      OutboxMail imapDown =
          new OutboxMail(
              dev.rapport.mail.MailAccounts.sandbox(
                  mail.getSmtp().getPort(), ME.email(), () -> PASSWORD),
              dev.rapport.mail.MailAccounts.sandbox(closed, ME.email(), () -> PASSWORD),
              SentPolicy.sandbox(),
              null);
      OutboxService outbox = f.service(OutboxFixture.always());

      PassSummary s = outbox.reconcile(imapDown);
      assertThat(s.reconcileDeferred()).isEqualTo(2);
      assertThat(s.reconciledUncertain()).isZero();
      assertThat(s.line(OutboxFixture.BERLIN)).contains("2 interrupted send(s) still SENDING");
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENDING);
      assertThat(f.events(ada, EventType.DRAFT_UNCERTAIN)).isEmpty();
      assertThat(outbox.sendDue(imapDown).sent()).isZero();

      fileInSent("<later.1@example.org>");
      PassSummary later = outbox.reconcile(greenMail());
      assertThat(later.reconciledSent()).isEqualTo(1);
      assertThat(later.reconciledUncertain()).isEqualTo(1);
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
      assertThat(f.status(d2)).isEqualTo(DraftStatus.UNCERTAIN);
      assertThat(delivered()).isEmpty();
    }

    @Test
    void aDraftAnotherLiveProcessIsSendingIsLeftAlone() {
      long live = ProcessHandle.current().parent().orElseThrow().pid();
      long d = sending(ada, "<busy.1@example.org>", live);
      f.service(OutboxFixture.always()).reconcile(greenMail());
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENDING);
    }

    @Test
    void resolveResendSendsItAgainWithTheSameMessageIdAndResolveSentAppliesTheStage()
        throws Exception {
      long bob = f.contact("Bob", "bob@example.net");
      long again = sending(ada, "<again.1@example.org>", null);
      long arrived = sending(bob, "<arrived.1@example.org>", null);
      OutboxService outbox = f.service(OutboxFixture.always());
      outbox.reconcile(greenMail());

      outbox.resolve(again, false);
      outbox.resolve(arrived, true);
      assertThat(f.status(again)).isEqualTo(DraftStatus.APPROVED);
      assertThat(f.status(arrived)).isEqualTo(DraftStatus.SENT);
      assertThat(f.stage(bob)).isEqualTo(Stage.CONTACTED);
      assertThat(f.events(bob, EventType.DRAFT_RESOLVED).get(0).technical())
          .contains("<arrived.1@example.org>");
      assertThat(f.events(ada, EventType.DRAFT_RESOLVED).get(0).technical())
          .contains("<again.1@example.org>");

      outbox.sendDue(greenMail());
      assertThat(onlyMessage().getMessageID()).isEqualTo("<again.1@example.org>");
      assertThat(f.status(again)).isEqualTo(DraftStatus.SENT);
      assertThat(mail.findReceivedMessages(u -> u.getEmail().equals("bob@example.net"), m -> true))
          .isEmpty();

      assertThatThrownBy(() -> outbox.resolve(again, true))
          .isInstanceOf(DraftStateException.class)
          .hasMessageContaining("only an UNCERTAIN draft");
    }
  }

  @Nested
  class SentFolder {
    @Test
    void autoFallsBackToAUsualNameWhenNoFolderIsMarkedSent() throws Exception {
      Properties p = new Properties();
      Store store = Session.getInstance(p).getStore("imap");
      store.connect("127.0.0.1", mail.getImap().getPort(), ME.email(), PASSWORD);
      store.getFolder("Sent Items").create(Folder.HOLDS_MESSAGES);
      store.close();
      long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "Hi");
      f.service(OutboxFixture.always())
          .sendDue(
              OutboxFixture.mail(
                  mail.getSmtp().getPort(),
                  mail.getImap().getPort(),
                  SentPolicy.fromConfig("auto")));
      assertThat(OutboxFixture.folder(mail.getImap().getPort(), "Sent Items"))
          .extracting(m -> m.get("Message-ID"))
          .containsExactly(f.messageId(d));
    }

    @Test
    void withNoSentFolderTheMessageStillGoesAndTheMissingCopyIsCounted() throws Exception {
      long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "Hi");
      OutboxService outbox = f.service(OutboxFixture.always());
      outbox.sendDue(
          OutboxFixture.mail(
              mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.fromConfig("auto")));
      assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
      assertThat(f.column(d, "sent_copy")).isEqualTo("NO_FOLDER");
      assertThat(OutboxFixture.folder(mail.getImap().getPort(), "Sent"))
          .as("never created in a real mailbox")
          .isEmpty();
      assertThat(outbox.uncopied()).isEqualTo(1);
    }

    @Test
    void noneNeverCopies() throws Exception {
      long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "Hi");
      f.service(OutboxFixture.always())
          .sendDue(
              OutboxFixture.mail(
                  mail.getSmtp().getPort(),
                  mail.getImap().getPort(),
                  SentPolicy.fromConfig("none")));
      assertThat(f.column(d, "sent_copy")).isEqualTo("OFF");
      assertThat(OutboxFixture.folder(mail.getImap().getPort(), "Sent")).isEmpty();
    }
  }

  static Instant at(String s) {
    return berlin(s);
  }
}
