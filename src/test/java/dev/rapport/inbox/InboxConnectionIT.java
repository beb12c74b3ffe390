package dev.rapport.inbox;

import static dev.rapport.inbox.InboxFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's connection: IDLE renewal, dead and dropped connections, server restarts and new
 * UIDs.
 */
class InboxConnectionIT {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  TestMailServer mail;
  InboxFixture f;
  Inbox inbox;
  long bo;
  long cy;

  @BeforeEach
  void setUp() {
    mail = new TestMailServer();
    f = new InboxFixture(dir, mail);
    bo = f.contact("Bo", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-bo@rapport.test>");
    cy = f.contact("Cy", "cy@corp.test", "CONTACTED");
    f.sent(cy, "<out-cy@rapport.test>");
  }

  @AfterEach
  void tearDown() {
    if (inbox != null) {
      long t = System.nanoTime();
      inbox.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - t))
          .as("stop() is prompt")
          .isLessThan(Duration.ofSeconds(8));
    }
    f.close();
    mail.close();
  }

  private void startWatching() {
    inbox = f.inbox();
    inbox.start();
    await(WAIT, "the watcher's first poll", () -> inbox.pollCount() >= 2);
  }

  @Test
  void theWatchdogEndsAndReissuesIdleAndMailIsStillSeen() {
    f.settings =
        f.settings.withTimings(
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofMillis(500));
    startWatching();
    await(WAIT, "three IDLEs renewed by the watchdog", () -> inbox.idleCount() >= 3);
    assertThat(f.events(bo)).isEmpty();
    mail.deliver(Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes"));
    await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
  }

  @Test
  void pollsWhereThereIsNoIdle() {
    f.settings = f.settings.withIdle(false, Duration.ofMillis(200));
    startWatching();
    mail.deliver(Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes"));
    await(WAIT, "REPLIED", () -> f.stage(bo).equals("REPLIED"));
    assertThat(inbox.idleCount()).isZero();
  }

  @Test
  void aServerRestartMidIdleIsSurvivedAndNothingDeliveredMeanwhileIsMissed() {
    startWatching();
    mail.deliver(Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes"));
    await(WAIT, "Bo REPLIED", () -> f.stage(bo).equals("REPLIED"));

    assertThat(inbox.caughtUp()).isTrue();
    mail.stop(); // drops the connection in the middle of its IDLE; GreenMail forgets every message
    await(WAIT, "the watcher notices it is behind", () -> !inbox.caughtUp());
    mail.start();
    mail.deliver(Mails.reply("cy@corp.test", "<out-cy@rapport.test>", "Re: Hello", "Gladly"));

    await(WAIT, "Cy REPLIED after the reconnection", () -> f.stage(cy).equals("REPLIED"));
    await(WAIT, "caught up again", inbox::caughtUp);
    assertThat(f.count("SELECT COUNT(*) FROM event WHERE type = 'REPLY_RECEIVED'")).isEqualTo(2);
  }

  @Test
  void aFreshMailboxWithNewUidsDoesNotReprocessKnownMessages() {
    String reply = Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes");
    mail.deliver(reply);
    inbox = f.inbox();
    inbox.pollOnce();
    assertThat(f.stage(bo)).isEqualTo("REPLIED");

    mail.stop();
    mail.start(); // new UIDVALIDITY (or the same second's, with UIDs from 1 again)
    mail.deliver(Mails.plain("stranger@else.test", "Hi", "", "Hello."));
    mail.deliver(reply); // the same message again, under another UID
    mail.deliver(Mails.reply("cy@corp.test", "<out-cy@rapport.test>", "Re: Hello", "Gladly"));
    PollResult r = inbox.pollOnce();

    assertThat(r.rescanned()).isTrue();
    assertThat(f.stage(cy)).isEqualTo("REPLIED");
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REPLY_RECEIVED'", bo))
        .isEqualTo(1);
    assertThat(f.count("SELECT COUNT(*) FROM inbox_message")).isEqualTo(3);
    inbox = null;
  }

  @Test
  void mailArrivingJustAsTheIdleBeginsEndsThatIdle() throws Exception {
    try (FreezableProxy proxy = new FreezableProxy(mail.imapPort)) {
      inbox = f.inbox(() -> viaProxy(proxy), Set.of(TestMailServer.ME));
      // GreenMail then announces the message (EXISTS) before its "+" to the IDLE: Angus Mail reads
      // that while starting the IDLE, which would otherwise go on until the watchdog's renewal
      proxy.onceBefore(
          "IDLE",
          () ->
              mail.deliver(
                  Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes")));
      inbox.start();

      await(WAIT, "REPLIED well before the IDLE's renewal", () -> f.stage(bo).equals("REPLIED"));
    }
  }

  private static Endpoint viaProxy(FreezableProxy proxy) {
    return new Endpoint(
        "127.0.0.1", proxy.port(), Security.NONE, TestMailServer.ME, () -> TestMailServer.PASSWORD);
  }

  @Test
  void aConnectionThatGoesSilentIsReplacedAndMailIsSeen() throws Exception {
    try (FreezableProxy proxy = new FreezableProxy(mail.imapPort)) {
      Endpoint viaProxy =
          new Endpoint(
              "127.0.0.1",
              proxy.port(),
              Security.NONE,
              TestMailServer.ME,
              () -> TestMailServer.PASSWORD);
      f.settings =
          f.settings.withTimings(
              Duration.ofMillis(500),
              Duration.ofMillis(500),
              Duration.ofMillis(100),
              Duration.ofMillis(500));
      inbox = f.inbox(() -> viaProxy, Set.of(TestMailServer.ME));
      inbox.start();
      await(WAIT, "the watcher's first poll", () -> inbox.pollCount() >= 2);

      proxy.freeze(); // half-open: no bytes, no close; Angus's read timeout does not end an IDLE
      mail.deliver(Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes"));

      await(WAIT, "REPLIED through a new connection", () -> f.stage(bo).equals("REPLIED"));
    }
  }

  @Test
  void allConnectionsCutAreReopened() throws Exception {
    try (FreezableProxy proxy = new FreezableProxy(mail.imapPort)) {
      Endpoint viaProxy =
          new Endpoint(
              "127.0.0.1",
              proxy.port(),
              Security.NONE,
              TestMailServer.ME,
              () -> TestMailServer.PASSWORD);
      inbox = f.inbox(() -> viaProxy, Set.of(TestMailServer.ME));
      inbox.start();
      await(WAIT, "the watcher's first poll", () -> inbox.pollCount() >= 2);
      proxy.cut();
      mail.deliver(Mails.reply("bo@corp.test", "<out-bo@rapport.test>", "Re: Hello", "Yes"));
      await(WAIT, "REPLIED after reconnecting", () -> f.stage(bo).equals("REPLIED"));
    }
  }
}
