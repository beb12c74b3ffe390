package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An event's sentence is for people only: no query in the code decides anything by it (links and
 * facts live in columns), so rewording a sentence cannot break the scheduler or the statistics.
 */
class TimelineTextReadersTest {
  /** A condition on the sentence column: {@code detail LIKE ...}, {@code REGEXP_...(detail ...}. */
  private static final Pattern CONDITION_ON_DETAIL =
      Pattern.compile(
          "(?i)\\b(?:[a-z]\\.)?detail\\s+(?:NOT\\s+)?(?:LIKE|REGEXP|=|<>|!=|IN)\\s"
              + "|REGEXP_\\w+\\(\\s*(?:[a-z]\\.)?detail\\b");

  @Test
  void noQueryDecidesAnythingByAnEventsSentence() throws IOException {
    List<String> found;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      found =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(TimelineTextReadersTest::conditions)
              .toList();
    }
    assertThat(found).as("queries that read facts out of event.detail").isEmpty();
  }

  @Test
  void thePatternFindsSuchAQuery() {
    assertThat(CONDITION_ON_DETAIL.matcher("AND e.detail LIKE ?").find()).isTrue();
    assertThat(CONDITION_ON_DETAIL.matcher("WHERE detail like '% → INTERVIEWED%'").find()).isTrue();
    assertThat(CONDITION_ON_DETAIL.matcher("REGEXP_SUBSTR(detail, '^x')").find()).isTrue();
    assertThat(CONDITION_ON_DETAIL.matcher("SELECT e.at, e.type, e.detail FROM event e").find())
        .isFalse();
  }

  /** A string literal in Java source, where the SQL is. */
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");

  private static Stream<String> conditions(Path file) {
    try {
      Matcher literal = LITERAL.matcher(Files.readString(file));
      Stream.Builder<String> out = Stream.builder();
      while (literal.find()) {
        if (CONDITION_ON_DETAIL.matcher(literal.group()).find())
          out.add(file + ": " + literal.group());
      }
      return out.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
