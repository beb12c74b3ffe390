package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.draft.DraftKind;
import dev.rapport.mail.MailAccounts;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.outbox.SelfMail;
import dev.rapport.outbox.SentPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest whose login fails is not retried at every sweep: over an hour of sweeps every 5 s (720
 * runs) it logs in a handful of times, backing off, instead of 720 times and getting the account
 * locked.
 */
class DigestLoginBackoffIT {
  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser(ScheduleFixture.ME.email(), ScheduleFixture.ME.email(), "right-pw"));

  @TempDir Path dir;
  ScheduleFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) f.close();
  }

  @Test
  void aFailingLoginIsRetriedWithBackoffNotAtEverySweep() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    f.insertDraft(f.contact("Ada Lovelace", "ada@example.net"), DraftKind.OUTREACH, "PENDING");
    AtomicInteger logins = new AtomicInteger();
    String me = ScheduleFixture.ME.email();
    ScheduleService service =
        f.service(
            () -> {
              logins.incrementAndGet();
              return new SelfMail(
                  new OutboxMail(
                      MailAccounts.sandbox(mail.getSmtp().getPort(), me, () -> "wrong-pw"),
                      MailAccounts.sandbox(mail.getImap().getPort(), me, () -> "wrong-pw"),
                      new SentPolicy(SentPolicy.Mode.NONE, null),
                      Duration.ofSeconds(10)),
                  ScheduleFixture.ME);
            });

    for (int sweep = 0; sweep < 720; sweep++) {
      assertThat(service.runDue().failed()).as("sweep " + sweep).contains("DIGEST");
      f.clock.advance(Duration.ofSeconds(5));
    }

    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(service.failures())
        .singleElement()
        .satisfies(x -> assertThat(x.attempts()).isEqualTo(logins.get()));
    // 1 min, 2, 4, 8, 16, 32 after the first: seven attempts in the first hour.
    assertThat(logins.get()).isBetween(1, 10);
  }
}
