package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The line saying the mailbox's UIDs changed is news only when they did: polls of an unchanged
 * mailbox must not repeat it.
 */
class UidValidityLogIT {
  @TempDir Path dir;
  TestMailServer mail;
  InboxFixture f;
  final Logger scanLog = (Logger) LoggerFactory.getLogger(MailboxScan.class);
  final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  Level level;
  Inbox inbox;

  @BeforeEach
  void setUp() {
    mail = new TestMailServer();
    f = new InboxFixture(dir, mail);
    level = scanLog.getLevel();
    scanLog.setLevel(Level.DEBUG);
    captured.start();
    scanLog.addAppender(captured);
  }

  @AfterEach
  void tearDown() {
    if (inbox != null) inbox.stop();
    scanLog.detachAppender(captured);
    scanLog.setLevel(level);
    f.close();
    mail.close();
  }

  List<String> newUidLines() {
    return captured.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("new UIDs"))
        .toList();
  }

  /** The same at DEBUG: a poll that re-read the mailbox although its UIDVALIDITY stayed. */
  List<String> reReadLines() {
    return captured.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("renumbered"))
        .toList();
  }

  void pollTimes(int n) {
    Inbox inbox = f.inbox();
    for (int i = 0; i < n; i++) inbox.pollOnce();
  }

  @Test
  void anEmptyMailboxPolledAgainAndAgain() {
    pollTimes(5);
    assertThat(newUidLines()).isEmpty();
  }

  @Test
  void aMailboxWithMailPolledAgainAndAgain() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-1@rapport.test>");
    mail.deliver(Mails.plain("News <news@shop.test>", "Sale", "", "Everything must go."));
    mail.deliver(
        Mails.reply("Bo Lind <bo@corp.test>", "<out-1@rapport.test>", "Re: Hello", "Sure."));
    pollTimes(5);
    assertThat(newUidLines()).isEmpty();
  }

  @Test
  void theWatchersOwnConnectionPolledAgainAndAgain() {
    // As the sandbox runs: one connection, the folder open, a poll after every IDLE renewal.
    f.settings =
        InboxSettings.defaults()
            .withTimings(
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofMillis(500));
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-1@rapport.test>");
    inbox = f.inbox();
    inbox.start();
    // The reply comes while the watcher's folder is open: what EXAMINE said of UIDNEXT is then old.
    InboxFixture.await(Duration.ofSeconds(10), "the watcher idles", () -> inbox.idleCount() > 0);
    mail.deliver(
        Mails.reply("Bo Lind <bo@corp.test>", "<out-1@rapport.test>", "Re: Hello", "Sure."));
    InboxFixture.await(Duration.ofSeconds(10), "REPLIED", () -> f.stage(bo).equals("REPLIED"));
    long polls = inbox.pollCount();
    InboxFixture.await(
        Duration.ofSeconds(20), "five more polls", () -> inbox.pollCount() >= polls + 5);
    assertThat(newUidLines()).isEmpty();
    assertThat(reReadLines()).as("nothing was re-read").isEmpty();
  }

  @Test
  void aMailboxRenumberedUnderTheSameUidValidityIsReReadOnceAndQuietly() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-1@rapport.test>");
    mail.deliver(Mails.plain("News <news@shop.test>", "Sale", "", "Everything must go."));
    pollTimes(1);
    // As if the server had lost its mailbox and kept UIDVALIDITY: we read further than it has.
    f.db.transaction(c -> Sql.update(c, "UPDATE inbox_folder SET last_uid = 1000"));
    mail.deliver(
        Mails.reply("Bo Lind <bo@corp.test>", "<out-1@rapport.test>", "Re: Hello", "Sure."));
    pollTimes(4);
    assertThat(f.stage(bo)).isEqualTo("REPLIED");
    assertThat(newUidLines()).isEmpty();
    assertThat(reReadLines()).hasSize(1);
  }

  @Test
  void aRestartedSandboxIsToldOnceThenPollsAreQuiet() {
    long bo = f.contact("Bo Lind", "bo@corp.test", "CONTACTED");
    f.sent(bo, "<out-1@rapport.test>");
    mail.deliver(Mails.plain("News <news@shop.test>", "Sale", "", "Everything must go."));
    pollTimes(2);
    mail.stop();
    mail.start(); // GreenMail keeps mail in memory: an empty mailbox, new UIDVALIDITY
    pollTimes(5);
    mail.deliver(Mails.plain("News <news@shop.test>", "Sale 2", "", "Still going."));
    pollTimes(5);
    assertThat(newUidLines()).hasSizeLessThanOrEqualTo(1);
  }
}
