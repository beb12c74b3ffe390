package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the classifier over the shared corpus of 589 real messages collected by the sisimai project
 * (../shared/corpus/sisimai, see its README) and prints the confusion table: expected class in
 * rows, classified kind in columns, then every message that did not come out as expected. Run it
 * alone with {@code mvn -B -o test -Dtest=CorpusClassificationTest}.
 *
 * <p>The expected classes are sisimai's. Where sisimai and rapport's rules part ways on hard versus
 * soft (a mailbox that is full or a delivery that expired, with no 5.x.x code, is soft for rapport;
 * sisimai calls many of them hard), the test demands only that the message is a bounce.
 */
class CorpusClassificationTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus", "sisimai");
  private static final List<String> CLASSES =
      List.of("bounce-hard", "bounce-soft", "complaint", "auto-reply", "delivered");

  /** One corpus message, what sisimai says it is, and what the classifier said. */
  record Outcome(String file, String expected, Classification result) {
    Kind kind() {
      return result.kind();
    }
  }

  private static List<Outcome> outcomes;

  @BeforeAll
  static void classifyTheCorpus() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(CORPUS.resolve("expected.tsv")),
        CORPUS.toAbsolutePath().normalize()
            + " not found: skipping the corpus test (it needs ../shared/corpus next to the project)");
    Classifier classifier = new Classifier();
    // The corpus messages are years old; "now" only matters for auto-reply return dates.
    ClassificationContext context =
        ClassificationContext.of(
            Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC),
            "me@rapport.invalid");
    outcomes = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      String[] columns = line.split("\t");
      if (columns[0].equals("file")) continue;
      byte[] raw = Files.readAllBytes(CORPUS.resolve("messages").resolve(columns[0]));
      outcomes.add(new Outcome(columns[0], columns[1], classifier.classify(raw, context)));
    }
    System.out.println(report(outcomes));
  }

  @Test
  void readsTheWholeCorpus() {
    assertThat(outcomes).hasSize(589);
    assertThat(outcomes).noneMatch(o -> o.kind() == Kind.UNREADABLE);
  }

  @Test
  void everyHardBounceComesOutAsABounce() {
    assertThat(of("bounce-hard"))
        .allSatisfy(o -> assertThat(o.kind().isBounce()).as(o.toString()).isTrue());
  }

  @Test
  void almostEveryHardBounceComesOutHard() {
    List<Outcome> hard = of("bounce-hard");
    double exact = share(hard, o -> o.kind() == Kind.BOUNCE_HARD);
    System.out.printf("hard bounces classified BOUNCE_HARD: %.1f%%%n", exact * 100);
    assertThat(exact).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void everySoftBounceComesOutAsABounceAndAlmostAllSoft() {
    List<Outcome> soft = of("bounce-soft");
    assertThat(soft).allSatisfy(o -> assertThat(o.kind().isBounce()).as(o.toString()).isTrue());
    assertThat(share(soft, o -> o.kind() == Kind.BOUNCE_SOFT)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void noBounceOrComplaintIsEverAReplyOrAnAutoReply() {
    assertThat(outcomes)
        .filteredOn(o -> o.expected().startsWith("bounce") || o.expected().equals("complaint"))
        .allSatisfy(
            o -> assertThat(o.kind()).as(o.toString()).isNotIn(Kind.HUMAN_REPLY, Kind.AUTO_REPLY));
  }

  @Test
  void complaintsAreComplaints() {
    assertThat(of("complaint"))
        .allSatisfy(o -> assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.COMPLAINT));
  }

  @Test
  void autoRepliesAreAutoReplies() {
    assertThat(of("auto-reply"))
        .hasSize(5)
        .allSatisfy(o -> assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.AUTO_REPLY));
  }

  @Test
  void deliveryReportsAreNeitherBouncesNorReplies() {
    assertThat(of("delivered"))
        .allSatisfy(o -> assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.DELIVERY_REPORT));
  }

  @Test
  void bouncesNameTheirRecipientOrOriginalMessage() {
    List<Outcome> bounces = outcomes.stream().filter(o -> o.kind().isBounce()).toList();
    assertThat(bounces)
        .allSatisfy(
            o ->
                assertThat(
                        o.result().recipients().isEmpty()
                            && o.result().originalMessageIds().isEmpty())
                    .as("nothing to match in %s", o)
                    .isFalse());
    assertThat(share(bounces, o -> !o.result().recipients().isEmpty()))
        .isGreaterThanOrEqualTo(0.99);
  }

  private static List<Outcome> of(String expectedClass) {
    return outcomes.stream().filter(o -> o.expected().equals(expectedClass)).toList();
  }

  private static double share(List<Outcome> list, Predicate<Outcome> test) {
    return list.isEmpty() ? 0 : (double) list.stream().filter(test).count() / list.size();
  }

  private static String report(List<Outcome> outcomes) {
    Map<String, Map<Kind, Integer>> table = new TreeMap<>();
    for (Outcome o : outcomes)
      table
          .computeIfAbsent(o.expected(), k -> new EnumMap<>(Kind.class))
          .merge(o.kind(), 1, Integer::sum);
    Set<Kind> columns = EnumSet.allOf(Kind.class);
    outcomes.stream().map(Outcome::kind).forEach(columns::add);
    if (outcomes.stream().noneMatch(o -> o.kind() == Kind.UNREADABLE))
      columns.remove(Kind.UNREADABLE);
    StringBuilder out =
        new StringBuilder("\nCorpus classification (rows: expected, columns: classified)\n");
    out.append(String.format("%-12s", "expected"));
    for (Kind k : columns) out.append(String.format(" %" + k.name().length() + "s", k));
    out.append(String.format("%7s%n", "total"));
    for (String cls : CLASSES) {
      Map<Kind, Integer> row = table.getOrDefault(cls, Map.of());
      out.append(String.format("%-12s", cls));
      for (Kind k : columns)
        out.append(String.format(" %" + k.name().length() + "d", row.getOrDefault(k, 0)));
      out.append(String.format("%7d%n", row.values().stream().mapToInt(Integer::intValue).sum()));
    }
    out.append("\nNot classified as expected:\n");
    for (Outcome o : outcomes) {
      if (!o.kind().name().equals(expectedKind(o.expected()))) {
        Classification r = o.result();
        out.append(
            String.format(
                "  %-32s %-12s -> %-12s %s codes=%s %s%n",
                o.file(), o.expected(), r.kind(), r.rule(), r.statusCodes(), r.detail()));
      }
    }
    return out.toString();
  }

  private static String expectedKind(String cls) {
    return switch (cls) {
      case "bounce-hard" -> "BOUNCE_HARD";
      case "bounce-soft" -> "BOUNCE_SOFT";
      case "complaint" -> "COMPLAINT";
      case "auto-reply" -> "AUTO_REPLY";
      default -> "DELIVERY_REPORT";
    };
  }
}
