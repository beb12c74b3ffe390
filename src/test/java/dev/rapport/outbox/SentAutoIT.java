package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.draft.DraftKind;
import dev.rapport.testing.Await;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sent: auto} over real SMTP and IMAP (GreenMail): a server that files nothing gets
 * rapport's copy, and one that files its own copy (a stand-in for Gmail's habit: every message
 * GreenMail accepts is put into Sent over IMAP a moment later) gets none; either answer is
 * remembered for the account.
 */
class SentAutoIT {
  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(ME.email(), ME.email(), PASSWORD));

  @TempDir Path dir;
  OutboxFixture f;
  long ada;
  SentHabit habit;

  @BeforeEach
  void setUp() throws Exception {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
    habit = new SentHabit(dir.resolve("data"), "zoe@127.0.0.1:" + mail.getImap().getPort());
    try (Store store = store()) {
      store.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
    }
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  OutboxMail auto() {
    return OutboxFixture.mail(
        mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.fromConfig("auto", habit));
  }

  @Test
  void aServerThatFilesNothingGetsRapportsCopyAndTheAnswerIsKept() throws Exception {
    long first = f.approved(ada, DraftKind.OUTREACH, "A question", "Could we talk?\n");
    f.service(OutboxFixture.always()).sendDue(auto());

    assertThat(f.column(first, "sent_copy")).isEqualTo("COPIED");
    assertThat(habit.serverFilesSent()).contains(false);
    assertThat(Files.readString(dir.resolve("data").resolve(SentHabit.NAME)))
        .contains("\"server_files_sent\" : false");

    long bob = f.contact("Bob", "bob@example.net");
    long second = f.approved(bob, DraftKind.OUTREACH, "Another", "x");
    long started = System.nanoTime();
    f.service(OutboxFixture.always()).sendDue(auto());
    assertThat(f.column(second, "sent_copy")).isEqualTo("COPIED");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("no second look: the answer was remembered")
        .isLessThan(SentProbe.WAIT);
    assertThat(OutboxFixture.folder(mail.getImap().getPort(), "Sent"))
        .extracting(m -> m.get("Message-ID"))
        .containsExactly(f.messageId(first), f.messageId(second));
  }

  @Test
  void aServerThatFilesItsOwnCopyGetsNoSecondOneAndTheAnswerIsKept() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread filer = new Thread(() -> fileEachAcceptedMessageInSent(stop), "server-side Sent");
    filer.start();
    try {
      long first = f.approved(ada, DraftKind.OUTREACH, "A question", "Could we talk?\n");
      f.service(OutboxFixture.always()).sendDue(auto());
      assertThat(f.column(first, "sent_copy")).isEqualTo("OFF");
      assertThat(habit.serverFilesSent()).contains(true);

      long bob = f.contact("Bob", "bob@example.net");
      long second = f.approved(bob, DraftKind.OUTREACH, "Another", "x");
      f.service(OutboxFixture.always()).sendDue(auto());
      assertThat(f.column(second, "sent_copy")).isEqualTo("OFF");
      assertThat(mail.waitForIncomingEmail(5_000, 2)).isTrue();
      Await.until(Duration.ofSeconds(5), "the server filed both", () -> sentCount() == 2);
      assertThat(OutboxFixture.folder(mail.getImap().getPort(), "Sent"))
          .as("one copy of each, the server's")
          .extracting(m -> m.get("Message-ID"))
          .containsExactly(f.messageId(first), f.messageId(second));
    } finally {
      stop.set(true);
      filer.join(10_000);
    }
  }

  private static int sentCount() {
    try {
      return OutboxFixture.folder(mail.getImap().getPort(), "Sent").size();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Gmail's habit: each message accepted over SMTP appears in Sent, filed by the server. (GreenMail
   * counts the filed copies among its received messages too: each Message-ID is filed once.)
   */
  private void fileEachAcceptedMessageInSent(AtomicBoolean stop) {
    Set<String> filed = new HashSet<>();
    int seen = 0;
    while (!stop.get()) {
      if (!mail.waitForIncomingEmail(200, seen + 1)) continue;
      MimeMessage[] all = mail.getReceivedMessages();
      seen = all.length;
      try (Store store = store()) {
        for (MimeMessage accepted : all) {
          if (filed.add(accepted.getMessageID()))
            store.getFolder("Sent").appendMessages(new Message[] {accepted});
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Store store() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), ME.email(), PASSWORD);
    return store;
  }
}
