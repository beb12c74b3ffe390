package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HypothesesCommandTest {
  @TempDir Path dir;

  @Test
  void addListResolve() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    assertThat(cli.run("hypotheses", "add", "Product management in health tech").out().strip())
        .isEqualTo("1");
    cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org", "--hypothesis", "1");
    var list = cli.run("hypotheses", "list");
    assertThat(list.out()).contains("Product management in health tech").contains("OPEN");
    var resolved =
        cli.run("hypotheses", "resolve", "1", "--disproved", "--note", "too far from the patients");
    assertThat(resolved.exitCode()).as(resolved.toString()).isZero();
    assertThat(resolved.out()).contains("Hypothesis 1 is disproved.");
    JsonNode json = new ObjectMapper().readTree(cli.run("hypotheses", "list", "--json").out());
    assertThat(json.get(0).get("status").asText()).isEqualTo("DISPROVED");
    assertThat(json.get(0).get("note").asText()).isEqualTo("too far from the patients");
  }

  @Test
  void resolveNeedsExactlyOneVerdict() {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    cli.run("hypotheses", "add", "x");
    assertThat(cli.run("hypotheses", "resolve", "1").exitCode()).isEqualTo(2);
    assertThat(cli.run("hypotheses", "resolve", "1", "--validated", "--disproved").exitCode())
        .isEqualTo(2);
    var missing = cli.run("hypotheses", "resolve", "9", "--validated");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("There is no hypothesis 9.");
  }
}
