package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code cadence.thank_you_card: true}, a reminder for a handwritten card, ticked off. */
class InterviewsCardTest {
  @TempDir Path dir;

  CliRunner cli(boolean card) throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me: {name: Ada Example, email: ada@example.org}\ncadence: {thank_you_card: "
            + card
            + "}\n");
    CliRunner cli = new CliRunner(dir.resolve("data"), config);
    var add = cli.run("contacts", "add", "--name", "Grace Hopper", "--email", "grace@example.org");
    assertThat(add.exitCode()).as(add.toString()).isZero();
    return cli;
  }

  @Test
  void doneRemindsOfTheCardAndCardSentTicksItOffOnce() throws Exception {
    CliRunner cli = cli(true);
    var early = cli.run("interviews", "card-sent", "1");
    assertThat(early.exitCode()).isEqualTo(1);
    assertThat(early.err()).contains("has no interview marked done yet");

    var done = cli.run("interviews", "done", "1", "--no-thank-you");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.out()).contains("tick it off with 'interviews card-sent 1'");
    assertThat(cli.run("contacts", "show", "1").out()).contains("CARD_REMINDER");

    var sent = cli.run("interviews", "card-sent", "1");
    assertThat(sent.exitCode()).as(sent.toString()).isZero();
    assertThat(sent.out()).startsWith("Card for ").contains("ticked off (contact 1).");
    assertThat(cli.run("contacts", "show", "1").out()).contains("CARD_SENT");

    var twice = cli.run("interviews", "card-sent", "1");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).contains("is already ticked off");
  }

  @Test
  void withoutTheSettingThereIsNoReminder() throws Exception {
    CliRunner cli = cli(false);
    var done = cli.run("interviews", "done", "1", "--no-thank-you");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.out()).doesNotContain("card-sent");
    assertThat(cli.run("contacts", "show", "1").out()).doesNotContain("CARD_REMINDER");
  }
}
