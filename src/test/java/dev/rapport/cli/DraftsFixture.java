package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.template.DefaultTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data folder, a config naming the user and a copy of the default templates, for the drafts
 * commands.
 */
final class DraftsFixture {
  final Path templates;
  final CliRunner cli;

  DraftsFixture(Path dir) {
    templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    write(
        config,
        """
        me:
          name: Sam Rivera
          email: sam@example.org
          signature: Sam
        pacing:
          timezone: Europe/Berlin
        templates: "%s"
        """
            .formatted(templates));
    cli = new CliRunner(dir.resolve("data"), config);
  }

  /** Adds a contact and returns its id. */
  long contact(String name, String email, String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "contacts";
    args[1] = "add";
    args[2] = "--name";
    args[3] = name;
    args[4] = "--email";
    args[5] = email;
    System.arraycopy(more, 0, args, 6, more.length);
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Long.parseLong(r.out().strip());
  }

  /** Drafts outreach for one contact and returns the draft's id. */
  long outreach(long contactId) {
    var r = cli.run("outreach", String.valueOf(contactId));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    var m = java.util.regex.Pattern.compile("Drafted draft (\\d+) ").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return Long.parseLong(m.group(1));
  }

  JsonNode draftsJson() {
    return json(cli.run("drafts", "list", "--json"));
  }

  JsonNode draft(long id) {
    return json(cli.run("drafts", "show", String.valueOf(id), "--json"));
  }

  JsonNode contactJson(long id) {
    return json(cli.run("contacts", "show", String.valueOf(id), "--json"));
  }

  static JsonNode json(CliRunner.Result r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
