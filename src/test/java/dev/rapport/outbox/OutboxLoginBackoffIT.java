package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.DraftKind;
import dev.rapport.mail.MailAccounts;
import dev.rapport.testing.RapportMail;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's send passes against a server that refuses the login: the passes back off hardest (5
 * min doubling), so an hour of checks every 5 s logs in a few times, not once a minute.
 */
class OutboxLoginBackoffIT {
  @RegisterExtension
  static final RapportMail mail = RapportMail.account(OutboxFixture.ME.email(), "right-pw");

  @TempDir Path dir;
  OutboxFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) f.close();
  }

  @Test
  void aRefusedLoginIsTriedAFewTimesAnHour() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    OutboxService outbox = f.service(OutboxFixture.always());
    f.approved(f.contact("Ada", "ada@example.net"), DraftKind.OUTREACH, "Hello", "x");
    OutboxMail wrongPassword =
        new OutboxMail(
            MailAccounts.sandbox(mail.getSmtp().getPort(), OutboxFixture.ME.email(), () -> "no"),
            MailAccounts.sandbox(mail.getImap().getPort(), OutboxFixture.ME.email(), () -> "no"),
            SentPolicy.fromConfig("none"),
            null);

    int logins = 0;
    String why = null;
    for (int check = 0; check < 720; check++) { // the daemon's checks, every 5 s for an hour
      if (outbox.hasWork()) {
        PassSummary s = outbox.sendDue(wrongPassword);
        logins++;
        why = s.unreachable().orElse(why);
      }
      f.clock.advance(Duration.ofSeconds(5));
    }

    assertThat(why).contains("refused the login");
    assertThat(mail.getReceivedMessages()).isEmpty();
    // at 0, 5, 15 and 35 min; a lost connection is retried sooner (6 times in this hour)
    assertThat(logins).isBetween(1, 4);
  }
}
