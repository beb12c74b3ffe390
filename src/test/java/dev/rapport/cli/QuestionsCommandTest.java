package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionsCommandTest {
  @TempDir Path dir;

  private JsonNode list(CliRunner cli) throws Exception {
    var r = cli.run("questions", "list", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aDefaultSetCoversTheUsualGround() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    JsonNode set = list(cli);
    assertThat(set.size()).isBetween(8, 10);
    assertThat(set.get(0).get("number").asInt()).isEqualTo(1);
    assertThat(set.get(0).get("id").asLong()).isPositive();
    assertThat(set.toString())
        .contains("get started", "satisfying", "hardest", "trends", "employers", "education")
        .contains("salary", "advice", "talk to");
    assertThat(cli.run("questions", "list").out()).startsWith(" 1. How did you get started");
  }

  @Test
  void anEleventhQuestionIsRefusedWithTheReason() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    int n = list(cli).size();
    for (int i = n; i < 10; i++) {
      var added = cli.run("questions", "add", "Question", String.valueOf(i + 1) + "?");
      assertThat(added.exitCode()).as(added.toString()).isZero();
      assertThat(added.out()).startsWith("Question " + (i + 1) + " added");
    }
    var refused = cli.run("questions", "add", "One more?");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("already has 10 questions").contains("comparable");
    assertThat(list(cli).size()).isEqualTo(10);
  }

  @Test
  void moveAndRemoveKeepIds() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    JsonNode before = list(cli);
    long firstId = before.get(0).get("id").asLong();
    long secondId = before.get(1).get("id").asLong();
    var moved = cli.run("questions", "move", "1", "3");
    assertThat(moved.exitCode()).as(moved.toString()).isZero();
    JsonNode after = list(cli);
    assertThat(after.get(0).get("id").asLong()).isEqualTo(secondId);
    assertThat(after.get(2).get("id").asLong()).isEqualTo(firstId);
    assertThat(after.get(2).get("number").asInt()).isEqualTo(3);

    var removed = cli.run("questions", "remove", "1");
    assertThat(removed.exitCode()).as(removed.toString()).isZero();
    JsonNode last = list(cli);
    assertThat(last.size()).isEqualTo(before.size() - 1);
    assertThat(last.findValues("id").stream().map(JsonNode::asLong)).doesNotContain(secondId);
    assertThat(last.get(1).get("id").asLong()).isEqualTo(firstId);
  }

  @Test
  void badNumbersAreRefused() {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    var r = cli.run("questions", "remove", "42");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("There is no question 42");
    assertThat(cli.run("questions", "move", "1", "11").err()).contains("There is no place 11");
    assertThat(cli.run("questions", "remove", "x").exitCode()).isEqualTo(2);
    assertThat(cli.run("questions", "add", " ").err()).contains("needs some text");
  }
}
