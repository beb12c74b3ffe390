package dev.rapport.inbox;

import static dev.rapport.inbox.InboxFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.mail.DovecotServer;
import jakarta.mail.Flags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox watcher against a private Dovecot over TLS, with IDLE. */
class DovecotInboxIT {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  DovecotServer dovecot;
  InboxFixture f;
  Inbox inbox;

  @BeforeEach
  void setUp() throws Exception {
    DovecotServer.assumeInstalled();
    dovecot = new DovecotServer();
    f = new InboxFixture(dir, dovecot::endpoint, DovecotServer.USER);
  }

  @AfterEach
  void tearDown() {
    if (inbox != null) inbox.stop();
    if (f != null) f.close();
    if (dovecot != null) dovecot.close();
  }

  /** Flags by UID without \Recent, which belongs to the session, not the mailbox. */
  Map<Long, Flags> flags() throws Exception {
    Map<Long, Flags> out = new TreeMap<>();
    dovecot
        .flags("INBOX")
        .forEach(
            (uid, fl) -> {
              fl.remove(Flags.Flag.RECENT);
              out.put(uid, fl);
            });
    return out;
  }

  @Test
  void repliesBeforeAndDuringIdleAreSeenAndTheMailboxIsUntouched() throws Exception {
    long ann = f.contact("Ann Berg", "ann@corp.test", "CONTACTED");
    f.sent(ann, "<out-ann@rapport.test>");
    long bo = f.contact("Bo Lind", "bo@corp.test", "FOLLOWED_UP");
    f.sent(bo, "<out-bo@rapport.test>");
    long nudge = f.draft(bo, "FOLLOW_UP", "PENDING", null);
    long cy = f.contact("Cy Holm", "cy@corp.test", "CONTACTED");
    f.sent(cy, "<out-cy@rapport.test>");
    for (int i = 0; i < 30; i++)
      dovecot.deliver(
          Mails.plain("news" + i + "@list.test", "Newsletter " + i, "", "Unrelated " + i + "."));
    // Ann answered while rapport was not running.
    dovecot.deliver(
        Mails.reply("Ann Berg <ann@corp.test>", "<out-ann@rapport.test>", "Re: Hello", "Gladly."));
    Map<Long, Flags> before = flags();
    assertThat(before).hasSize(31);

    inbox = f.inbox();
    inbox.start();
    assertThat(f.stage(ann)).as("read before start returns").isEqualTo("REPLIED");
    await(WAIT, "the watcher polled and went into IDLE", () -> inbox.pollCount() >= 2);

    // Bo answers from his client; his server files it by IMAP APPEND.
    long polls = inbox.pollCount();
    dovecot.append(
        "INBOX",
        Mails.reply(
            "Bo Lind <bo@corp.test>", "<out-bo@rapport.test>", "Re: Hello", "Tuesday works."));
    await(WAIT, "Bo REPLIED", () -> f.stage(bo).equals("REPLIED"));
    // The renewal timer is 20 minutes away: only IDLE can have woken the watcher.
    await(WAIT, "the poll after IDLE counted", () -> inbox.pollCount() > polls);
    assertThat(f.draftStatus(nudge)).isEqualTo("CANCELLED");

    // A bounce written straight into the maildir by a delivery agent.
    dovecot.deliver(Mails.dsn("cy@corp.test", "<out-cy@rapport.test>", "5.1.1"));
    await(WAIT, "Cy BOUNCED", () -> f.stage(cy).equals("BOUNCED"));

    Map<Long, Flags> after = flags();
    assertThat(after).hasSize(33);
    before.forEach((uid, fl) -> assertThat(after.get(uid)).as("flags of UID " + uid).isEqualTo(fl));
    after.values().forEach(fl -> assertThat(fl.contains(Flags.Flag.SEEN)).isFalse());
    assertThat(dovecot.messages("Sent")).isEmpty();
    assertThat(dovecot.log()).doesNotContain(DovecotServer.PASSWORD);
  }

  @Test
  void aRestartReadsOnlyWhatCameMeanwhile() throws Exception {
    long ann = f.contact("Ann Berg", "ann@corp.test", "CONTACTED");
    f.sent(ann, "<out-ann@rapport.test>");
    for (int i = 0; i < 20; i++)
      dovecot.deliver(
          Mails.plain("news" + i + "@list.test", "Newsletter " + i, "", "Unrelated " + i + "."));
    inbox = f.inbox();
    assertThat(inbox.pollOnce().examined()).isEqualTo(20);
    dovecot.deliver(
        ("Mails that are not even mail: " + Instant.now() + "\r\n\r\nno header at all")
            .getBytes(StandardCharsets.UTF_8),
        Instant.now());
    dovecot.deliver(
        Mails.reply("Ann Berg <ann@corp.test>", "<out-ann@rapport.test>", "Re: Hello", "Yes."));
    PollResult second = f.inbox().pollOnce();
    assertThat(second.examined()).isEqualTo(2);
    assertThat(second.matched()).isEqualTo(1);
    assertThat(f.stage(ann)).isEqualTo("REPLIED");
    assertThat(f.inbox().pollOnce().examined()).isZero();
    inbox = null;
  }
}
