package dev.rapport.inbox;

import static dev.rapport.inbox.InboxFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.ContactService;
import dev.rapport.interview.InterviewService;
import dev.rapport.interview.InterviewTime;
import dev.rapport.interview.Slot;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reply that carries a calendar invitation books the interview, through GreenMail. */
class InvitationIT {
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

  /** A reply as calendar programs send it: text and the invitation as alternatives. */
  static String invitation(String from, String inReplyTo, String dtstart, String method) {
    String boundary = "b-" + Mails.newId().replaceAll("[<>@]", "");
    return "From: "
        + from
        + "\r\nTo: "
        + TestMailServer.ME
        + "\r\nSubject: Invitation: Coffee chat"
        + "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: "
        + Mails.newId()
        + "\r\nIn-Reply-To: "
        + inReplyTo
        + "\r\nReferences: "
        + inReplyTo
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHappy to talk, I sent an invite.\r\n--"
        + boundary
        + "\r\nContent-Type: text/calendar; charset=UTF-8; method="
        + method
        + "\r\n\r\n"
        + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Cal//EN\r\nMETHOD:"
        + method
        + "\r\nBEGIN:VEVENT\r\nUID:evt-42@corp.test\r\nDTSTAMP:20261102T100000Z\r\n"
        + "DTSTART:"
        + dtstart
        + "\r\nDTEND:20261110T153000Z\r\nSUMMARY:Coffee chat\r\nLOCATION:Room 4\r\n"
        + "ORGANIZER:mailto:bo@corp.test\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--"
        + boundary
        + "--\r\n";
  }

  private List<String> interviews(long contactId) {
    return f.db.read(
        c ->
            Sql.list(
                c,
                "SELECT status || ' ' || source || ' ' || minutes || ' ' || place FROM interview"
                    + " WHERE contact_id = ? ORDER BY id",
                rs -> rs.getString(1),
                contactId));
  }

  private OffsetDateTime start(long contactId) {
    return f.db.read(
        c ->
            Sql.one(
                    c,
                    "SELECT starts_at FROM interview WHERE contact_id = ?",
                    rs -> rs.getObject(1, OffsetDateTime.class),
                    contactId)
                .orElseThrow());
  }

  private String lastDetail(long contactId) {
    return f.db.read(
        c ->
            Sql.one(
                    c,
                    "SELECT detail FROM event WHERE contact_id = ? AND type = 'INTERVIEW_INVITATION'",
                    rs -> rs.getString(1),
                    contactId)
                .orElse(""));
  }

  @Test
  void anInvitationForAContactWithNoneScheduledBooksIt() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-1@rapport.test>");
    mail.deliver(
        invitation(
            "Bo Lind <bo@corp.test>", "<out-1@rapport.test>", "20261110T150000Z", "REQUEST"));
    inbox = f.inbox();
    inbox.start(); // the first scan reads it

    await(WAIT, "SCHEDULED", () -> f.stage(bo).equals("SCHEDULED"));
    assertThat(interviews(bo)).containsExactly("SCHEDULED INVITATION 30 Room 4");
    assertThat(start(bo).toInstant())
        .isEqualTo(OffsetDateTime.of(2026, 11, 10, 15, 0, 0, 0, ZoneOffset.UTC).toInstant());
    assertThat(f.events(bo))
        .containsSubsequence(
            "REPLY_RECEIVED", "STAGE", "INTERVIEW_SCHEDULED", "STAGE", "INTERVIEW_INVITATION");
    assertThat(lastDetail(bo)).contains("booked as interview 1");
  }

  @Test
  void anInvitationMovesTheScheduledInterviewForTheUserToConfirm() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-2@rapport.test>");
    new InterviewService(f.db, new ContactService(f.db, f.clock), f.clock, ZoneOffset.UTC)
        .schedule(bo, new Slot(InterviewTime.parse("2026-11-09T09:00Z"), 60, null), true);
    mail.deliver(invitation("bo@corp.test", "<out-2@rapport.test>", "20261110T150000Z", "REQUEST"));
    inbox = f.inbox();
    inbox.start(); // the first scan reads it

    await(WAIT, "invitation", () -> !lastDetail(bo).isEmpty());
    assertThat(interviews(bo)).containsExactly("SCHEDULED INVITATION 30 Room 4");
    assertThat(lastDetail(bo)).contains("moved interview 1").contains("confirm it, or change it");
    assertThat(f.stage(bo)).isEqualTo("SCHEDULED");
  }

  @Test
  void aCancellationOrAReplyWithoutInvitationBooksNothing() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-3@rapport.test>");
    mail.deliver(invitation("bo@corp.test", "<out-3@rapport.test>", "20261110T150000Z", "CANCEL"));
    inbox = f.inbox();
    inbox.start(); // the first scan reads it
    await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
    assertThat(interviews(bo)).isEmpty();
    assertThat(f.events(bo)).doesNotContain("INTERVIEW_INVITATION", "INTERVIEW_SCHEDULED");
  }
}
