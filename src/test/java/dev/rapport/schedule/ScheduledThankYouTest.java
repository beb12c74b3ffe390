package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.App;
import dev.rapport.cli.CliRunner;
import dev.rapport.config.ConfigLoader;
import dev.rapport.store.DataFolder;
import dev.rapport.template.DefaultTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's thank-you (after {@code interviews done --no-thank-you}, notes recorded in
 * between) says what the user's notes highlight, like the one {@code done} drafts itself.
 */
class ScheduledThankYouTest {
  @TempDir Path dir;

  @Test
  void carriesTheHighlightAndTheDateFromTheNotes() throws Exception {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me: {name: Sam Rivera, email: sam@example.org}\npacing: {timezone: Europe/Berlin}\n"
            + "templates: \""
            + templates
            + "\"\n");
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
    CliRunner cli = new CliRunner(dir.resolve("data"), config).clock(clock);
    assertThat(
            cli.run("contacts", "add", "--name", "Grace Hopper", "--email", "g@example.org")
                .exitCode())
        .isZero();
    var done = cli.run("interviews", "done", "1", "--no-thank-you");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    Path notes = dir.resolve("notes.yaml");
    Files.writeString(notes, "highlight: \"the night-shift story\"\n");
    assertThat(cli.run("interviews", "notes", "1", "--file", notes.toString()).exitCode()).isZero();

    try (App app =
        new App(
            ConfigLoader.load(config, true),
            new DataFolder(dir.resolve("data")),
            clock,
            Map.of())) {
      RunSummary r = app.schedule(() -> true, null).runDue();
      assertThat(r.count(Action.THANK_YOU)).isEqualTo(1);
    }
    JsonNode drafts = new ObjectMapper().readTree(cli.run("drafts", "list", "--json").out());
    assertThat(drafts).hasSize(1);
    assertThat(drafts.get(0).get("kind").asText()).isEqualTo("THANK_YOU");
    assertThat(drafts.get(0).get("body").asText())
        .contains("what you said about the night-shift story")
        .contains("on Friday, 20 November");
  }
}
