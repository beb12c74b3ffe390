package dev.rapport.inbox;

import static dev.rapport.inbox.InboxFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox watcher against GreenMail over real sockets. */
class InboxIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  TestMailServer mail;
  InboxFixture f;
  Inbox inbox;

  @BeforeEach
  void setUp() {
    mail = new TestMailServer();
    f = new InboxFixture(dir, mail);
  }

  @AfterEach
  void tearDown() {
    if (inbox != null) inbox.stop();
    f.close();
    mail.close();
  }

  private Inbox started() {
    inbox = f.inbox();
    inbox.start();
    return inbox;
  }

  @Nested
  class Replies {
    @Test
    void aHumanReplyMovesTheContactToRepliedAndCancelsPendingNudges() {
      long bo = f.contact("Bo Lind", "bo@corp.test", "FOLLOWED_UP");
      f.sent(bo, "<out-1@rapport.test>");
      long nudge = f.draft(bo, "FOLLOW_UP", "PENDING", null);
      long approvedNudge = f.draft(bo, "FOLLOW_UP", "APPROVED", null);
      long thanks = f.draft(bo, "THANK_YOU", "PENDING", null);
      started();

      mail.deliver(
          Mails.reply(
              "Bo Lind <bo@corp.test>",
              "<out-1@rapport.test>",
              "Re: Hello from Ada",
              "Sure, Tuesday works."));

      await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
      assertThat(f.draftStatus(nudge)).isEqualTo("CANCELLED");
      assertThat(f.draftStatus(approvedNudge)).isEqualTo("CANCELLED");
      assertThat(f.draftStatus(thanks)).isEqualTo("PENDING");
      assertThat(f.events(bo))
          .containsSubsequence("REPLY_RECEIVED", "STAGE", "DRAFT_CANCELLED", "DRAFT_CANCELLED");
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM inbox_message WHERE contact_id = ? AND kind = 'HUMAN_REPLY'"
                      + " AND matched_by = 'in-reply-to' AND excerpt LIKE 'Sure, Tuesday works.%'",
                  bo))
          .isEqualTo(1);
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM event WHERE contact_id = ? AND link_type = 'message'", bo))
          .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReplyFromAnotherAddressInTheThreadCounts() {
      long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-2@rapport.test>");
      started();
      // The assistant answers; References may be separated by commas.
      mail.deliver(
          Mails.plain(
              "Assistant <assist@corp.test>",
              "Re: Hello from Ada",
              "References: <older@x.test>, <out-2@rapport.test>\r\n",
              "Bo asked me to find a slot."));
      await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
      assertThat(f.count("SELECT COUNT(*) FROM inbox_message WHERE matched_by = 'references'"))
          .isEqualTo(1);
    }

    @Test
    void aReplyWithoutThreadHeadersIsMatchedBySenderOnlyForOpenConversations() {
      long open = f.contact("Cy", "cy@corp.test", "CONTACTED");
      long fresh = f.contact("Di", "di@corp.test", "NEW");
      started();
      mail.deliver(Mails.plain("di@corp.test", "Hi", "", "Just saying hi."));
      mail.deliver(Mails.plain("CY@corp.test", "A question", "", "Happy to talk."));
      await(WAIT, "REPLIED", () -> f.stage(open).equals("REPLIED"));
      assertThat(f.stage(fresh)).isEqualTo("NEW");
      assertThat(f.events(fresh)).isEmpty();
    }

    @Test
    void aHumanReplyThatMentionsOutOfOfficeIsStillAReply() {
      long bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-3@rapport.test>");
      started();
      mail.deliver(
          Mails.reply(
              "bo@corp.test",
              "<out-3@rapport.test>",
              "Re: Hello from Ada",
              "I was out of office last week, sorry! I'm back until the 20th; let's talk Monday."));
      await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
    }

    @Test
    void aReplyThatArrivedWhileTheWatcherWasStoppedIsSeenAtStartBeforeStartReturns() {
      long bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-4@rapport.test>");
      started();
      inbox.stop();
      long nudge = f.draft(bo, "FOLLOW_UP", "APPROVED", null);
      mail.deliver(Mails.reply("bo@corp.test", "<out-4@rapport.test>", "Re: Hello", "Yes!"));

      inbox = f.inbox();
      inbox.start(); // no waiting: start() polls before it returns
      assertThat(f.stage(bo)).isEqualTo("REPLIED");
      assertThat(f.draftStatus(nudge)).isEqualTo("CANCELLED");
    }

    @Test
    void processingTheSameMessageTwiceAddsNothing() {
      long bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-5@rapport.test>");
      String reply = Mails.reply("bo@corp.test", "<out-5@rapport.test>", "Re: Hello", "Yes!");
      mail.deliver(reply);
      mail.deliver(reply); // the same Message-ID twice, as after a copy
      inbox = f.inbox();
      inbox.pollOnce();
      f.db.transaction(
          c ->
              dev.rapport.store.Sql.update(c, "DELETE FROM inbox_folder")); // forget the checkpoint
      inbox.pollOnce();
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REPLY_RECEIVED'",
                  bo))
          .isEqualTo(1);
      assertThat(f.count("SELECT COUNT(*) FROM inbox_message WHERE contact_id = ?", bo))
          .isEqualTo(1);
      inbox = null;
    }
  }

  @Nested
  class Classifications {
    long bo;

    @BeforeEach
    void contact() {
      bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-c@rapport.test>");
    }

    @Test
    void aHardBounceMarksTheContactBounced() {
      long nudge = f.draft(bo, "FOLLOW_UP", "PENDING", null);
      started();
      mail.deliver(Mails.dsn("bo@corp.test", "<out-c@rapport.test>", "5.1.1"));
      await(WAIT, "BOUNCED", () -> f.stage(bo).equals("BOUNCED"));
      assertThat(f.events(bo)).contains("BOUNCE");
      assertThat(f.draftStatus(nudge)).isEqualTo("CANCELLED");
    }

    @Test
    void aSoftBounceIsToldInThePollResultAndLeavesTheStage() {
      mail.deliver(Mails.dsn("bo@corp.test", "<out-c@rapport.test>", "4.4.1"));
      PollResult r = f.inbox().pollOnce();
      assertThat(r.softBounces())
          .singleElement()
          .asString()
          .contains("bo@corp.test")
          .contains("(contact " + bo + ")")
          .contains("delayed (4.4.1)");
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
      assertThat(f.events(bo)).contains("SOFT_BOUNCE");
    }

    @Test
    void aBounceOfAMessageRapportDidNotSendIsEvidenceOnly() {
      started();
      mail.deliver(Mails.dsn("bo@corp.test", "<someone-else@x.test>", "5.1.1"));
      await(WAIT, "evidence event", () -> f.events(bo).contains("UNVERIFIED_REPORT"));
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
      assertThat(f.events(bo)).doesNotContain("BOUNCE", "STAGE");
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM inbox_message WHERE contact_id = ? AND matched_by = 'failed-recipient?'",
                  bo))
          .isEqualTo(1);
    }

    @Test
    void aMailerDaemonTextThatOnlyNamesARepliedContactLeavesThemReplied() {
      long cy = f.contact("Cy", "cy@corp.test", "REPLIED");
      started();
      mail.deliver(
          Mails.plain(
              "MAILER-DAEMON@relay.test",
              "Undelivered Mail Returned to Sender",
              "",
              "This is the mail system at host relay.test.\n\n"
                  + "I'm sorry to have to inform you that your message could not\n"
                  + "be delivered to one or more recipients.\n\n"
                  + "<cy@corp.test>: host mx.corp.test said: 550 5.1.1 User unknown\n"));
      await(WAIT, "an event on Cy's timeline", () -> !f.events(cy).isEmpty());
      assertThat(f.stage(cy)).isEqualTo("REPLIED");
      assertThat(f.events(cy)).containsExactly("UNVERIFIED_REPORT");
      assertThat(f.eventDetails(cy))
          .singleElement()
          .asString()
          .contains(
              "looks like a bounce", "cy@corp.test", "does not refer to anything rapport sent");
    }

    @Test
    void aBounceOfOurMessageNamingAnotherRecipientBouncesNobody() {
      long cy = f.contact("Cy", "cy@corp.test", "REPLIED");
      started();
      // Refers to the message sent to Bo, but says Cy's address failed.
      mail.deliver(Mails.dsn("cy@corp.test", "<out-c@rapport.test>", "5.1.1"));
      await(WAIT, "evidence event", () -> f.events(bo).contains("UNVERIFIED_REPORT"));
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
      assertThat(f.stage(cy)).isEqualTo("REPLIED");
      assertThat(f.events(cy)).isEmpty();
    }

    @Test
    void aSoftBounceIsAnEventOnly() {
      started();
      mail.deliver(Mails.dsn("bo@corp.test", "<out-c@rapport.test>", "4.4.1"));
      await(WAIT, "soft bounce event", () -> f.events(bo).contains("SOFT_BOUNCE"));
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
    }

    @Test
    void aComplaintPausesTheContact() {
      started();
      mail.deliver(Mails.complaint("bo@corp.test", "<out-c@rapport.test>"));
      await(WAIT, "PAUSED", () -> f.stage(bo).equals("PAUSED"));
      assertThat(f.events(bo)).contains("COMPLAINT");
    }

    @Test
    void anAutoReplyIsAnEventAndItsReturnDateHoldsNudges() {
      long nudge = f.draft(bo, "FOLLOW_UP", "PENDING", null);
      started();
      LocalDate back = LocalDate.now(f.clock).plusDays(12);
      mail.deliver(
          Mails.plain(
              "bo@corp.test",
              "Automatic reply: Hello from Ada",
              "Auto-Submitted: auto-replied\r\nIn-Reply-To: <out-c@rapport.test>\r\n",
              "I am out of the office and back on " + back + "."));
      await(WAIT, "auto-reply event", () -> f.events(bo).contains("AUTO_REPLY"));
      assertThat(f.nudgeNotBefore(bo)).isEqualTo(back);
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
      assertThat(f.draftStatus(nudge)).isEqualTo("PENDING");
    }

    @Test
    void listMailOwnMessagesAndStrangersChangeNothing() throws Exception {
      started();
      mail.deliver(
          Mails.plain(
              "news@corp.test",
              "Weekly digest",
              "List-Id: <news.corp.test>\r\nPrecedence: bulk\r\n",
              "News."));
      mail.deliver(
          Mails.plain(
              "bo@corp.test",
              "Our newsletter",
              "List-Id: <bo-news.corp.test>\r\nList-Unsubscribe: <mailto:u@corp.test>\r\n",
              "News from Bo."));
      mail.deliver(
          Mails.plain(
              TestMailServer.ME,
              "Re: Hello from Ada",
              "In-Reply-To: <out-c@rapport.test>\r\n",
              "A note to myself."));
      mail.deliver(Mails.plain("stranger@else.test", "Hi", "", "Hello."));
      // Our own sent message, as a server that files a copy in the INBOX would.
      mail.deliver(
          "From: other-alias@example.net\r\nTo: bo@corp.test\r\nSubject: Hello from Ada\r\nMessage-ID: <out-c@rapport.test>\r\n\r\nHi\r\n");
      await(
          WAIT,
          "five messages processed",
          () -> f.count("SELECT COALESCE(MAX(last_uid), 0) FROM inbox_folder") >= 5);
      assertThat(f.stage(bo)).isEqualTo("CONTACTED");
      assertThat(f.events(bo)).isEmpty();
      assertThat(f.count("SELECT COUNT(*) FROM inbox_message WHERE contact_id IS NOT NULL"))
          .isZero();
    }
  }

  @Nested
  class Mailbox {
    @Test
    void theMailboxIsLeftExactlyAsItWas() throws Exception {
      long bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-m@rapport.test>");
      mail.deliver(Mails.plain("stranger@else.test", "Hi", "", "Hello."));
      mail.deliver(Mails.dsn("bo@corp.test", "<out-m@rapport.test>", "4.4.1"));
      mail.deliver(Mails.reply("bo@corp.test", "<out-m@rapport.test>", "Re: Hello", "Yes!"));
      Map<Long, Flags> before = mail.flags();
      assertThat(before).hasSize(3);
      assertThat(before.values())
          .allSatisfy(flags -> assertThat(flags.contains(Flags.Flag.SEEN)).isFalse());

      inbox = f.inbox();
      inbox.pollOnce();
      assertThat(f.stage(bo)).isEqualTo("REPLIED");
      assertThat(mail.flags()).isEqualTo(before);
      assertThat(mail.messageCount()).isEqualTo(3);
      inbox = null;
    }

    @Test
    void theFirstScanLooksBackOnlyAsFarAsFirstScan() throws Exception {
      long old = f.contact("Old", "old@corp.test", "CONTACTED");
      long recent = f.contact("New", "new@corp.test", "CONTACTED");
      f.settings = f.settings.withFirstScan(Duration.ofDays(30));
      mail.append(
          Mails.plain("old@corp.test", "Hi", "", "From long ago."),
          Date.from(f.clock.instant().minus(Duration.ofDays(60))));
      mail.append(
          Mails.plain("new@corp.test", "Hi", "", "From last week."),
          Date.from(f.clock.instant().minus(Duration.ofDays(7))));
      inbox = f.inbox();
      PollResult first = inbox.pollOnce();
      assertThat(first.examined()).isEqualTo(1);
      assertThat(f.stage(recent)).isEqualTo("REPLIED");
      assertThat(f.stage(old)).isEqualTo("CONTACTED");
      // Later polls read only new UIDs: the old message stays unread for good.
      mail.deliver(Mails.plain("stranger@else.test", "Hi", "", "Hello."));
      PollResult second = inbox.pollOnce();
      assertThat(second.examined()).isEqualTo(1);
      assertThat(f.stage(old)).isEqualTo("CONTACTED");
      inbox = null;
    }

    @Test
    void malformedMailIsSkippedAndTheNextMessageStillProcessed() {
      long bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
      f.sent(bo, "<out-x@rapport.test>");
      started();
      // Broken multipart without its boundary, an unknown charset, no Message-ID, CR-only line
      // ends, a huge header.
      mail.deliver(
          "From: bo@corp.test\r\nSubject: broken\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n--other\r\nno end");
      mail.deliver(
          "From: bo@corp.test\r\nSubject: =?x-unknown?Q?caf=E9?=\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\n\u00e9\u00e9\r\n");
      mail.deliver(
          "From: bo@corp.test\rSubject: cr only\rIn-Reply-To: <out-x@rapport.test>\r\rOld Mac line ends.\r");
      mail.deliver(
          "From: bo@corp.test\r\nSubject: big\r\nX-Huge: "
              + "a".repeat(200_000)
              + "\r\n\r\nbody\r\n");
      mail.deliver(
          Mails.reply("bo@corp.test", "<out-x@rapport.test>", "Re: Hello", "The real answer."));
      await(
          WAIT,
          "all five processed",
          () -> f.count("SELECT COALESCE(MAX(last_uid), 0) FROM inbox_folder") >= 5);
      assertThat(f.stage(bo)).isEqualTo("REPLIED");
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REPLY_RECEIVED'",
                  bo))
          .isGreaterThanOrEqualTo(1);
    }
  }
}
