package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.classify.Addresses;
import dev.rapport.inbox.classify.Classification;
import dev.rapport.inbox.classify.ClassificationContext;
import dev.rapport.inbox.classify.Classifier;
import dev.rapport.inbox.classify.MailHeaders;
import dev.rapport.inbox.classify.MessageIds;
import dev.rapport.inbox.classify.MessageReader;
import dev.rapport.inbox.classify.MessageView;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real bounces of the shared corpus (../shared/corpus/sisimai) through the watcher's matching:
 * where a bounce returns the original's headers (Message-ID and To), that original is taken as what
 * rapport sent, and the bounce must be proof enough to act on; where a bounce carries no Message-ID
 * of the original, it can only be evidence, whoever it names.
 */
class CorpusEvidenceTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus", "sisimai");

  /** A corpus bounce, what it was classified as, and what its returned copy says was sent. */
  record Bounce(
      String file, Classification verdict, IncomingHeaders headers, Optional<Sent> sent) {}

  /** The original's Message-ID and its first To address, from the returned headers. */
  record Sent(String messageId, String to) {}

  private static List<Bounce> bounces;

  @BeforeAll
  static void readTheCorpus() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(CORPUS.resolve("expected.tsv")),
        "../shared/corpus not found: skipping the corpus test");
    MessageReader reader = new MessageReader();
    Classifier classifier = new Classifier(reader, Classifier.standardRules());
    ClassificationContext context =
        ClassificationContext.of(
            Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC),
            "me@rapport.invalid");
    bounces = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      String file = line.split("\t")[0];
      if (file.equals("file")) continue;
      byte[] raw = Files.readAllBytes(CORPUS.resolve("messages").resolve(file));
      Classification verdict = classifier.classify(raw, context);
      if (!verdict.kind().isBounce()) continue;
      bounces.add(new Bounce(file, verdict, headersOf(raw), returnedCopy(reader.read(raw))));
    }
  }

  private static IncomingHeaders headersOf(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    int end = text.indexOf("\n\n");
    return new IncomingHeaders(
        1, raw.length, MailHeaders.parse(end < 0 ? text : text.substring(0, end)));
  }

  private static Optional<Sent> returnedCopy(MessageView view) {
    for (MailHeaders attached : view.attachedHeaders()) {
      List<String> ids =
          attached.all("Message-ID").stream().flatMap(v -> MessageIds.parse(v).stream()).toList();
      List<String> to = attached.all("To").stream().flatMap(v -> addresses(v).stream()).toList();
      if (!ids.isEmpty() && !to.isEmpty()) return Optional.of(new Sent(ids.get(0), to.get(0)));
    }
    return Optional.empty();
  }

  /** The addresses of a To field, read as a mail client would. */
  private static List<String> addresses(String value) {
    try {
      return Arrays.stream(InternetAddress.parseHeader(value, false))
          .map(a -> Addresses.canonical(a.getAddress()))
          .filter(a -> a.contains("@"))
          .toList();
    } catch (AddressException e) {
      return List.of();
    }
  }

  @Test
  void aRealBounceOfWhatRapportSentIsActedOn() {
    List<Bounce> returned = bounces.stream().filter(b -> b.sent().isPresent()).toList();
    List<String> doubtful = new ArrayList<>();
    for (Bounce b : returned) {
      Sent s = b.sent().orElseThrow();
      Correspondence known =
          new Correspondence(
              Map.of(s.messageId(), new Correspondence.Sent(1, s.to())),
              Map.of(),
              Map.of(s.to(), 1L),
              Set.of("me@rapport.invalid"));
      Optional<Correspondence.Match> m = known.match(b.headers(), b.verdict());
      assertThat(m).as(b.file()).isPresent();
      if (m.get().doubtful()) doubtful.add(b.file() + ": " + m.get().doubt());
    }
    System.out.printf(
        "corpus bounces: %d; with the original's Message-ID and To returned: %d; of these"
            + " acted on: %d, only evidence: %d%n%s%n",
        bounces.size(),
        returned.size(),
        returned.size() - doubtful.size(),
        doubtful.size(),
        String.join("\n", doubtful));
    assertThat(returned).hasSizeGreaterThan(200);
    // 26 of 319 (8%) name another address than the returned copy's To: a forwarding target, a
    // list's member, or an address the corpus anonymised differently. Which mailbox failed is then
    // not proven, so they are evidence for the user, not a stage move.
    assertThat((double) doubtful.size() / returned.size()).isLessThan(0.10);
  }

  @Test
  void realBouncesWithoutAnyOriginalMessageIdCanOnlyBeEvidence() {
    List<String> without =
        bounces.stream()
            .filter(
                b -> b.verdict().originalMessageIds().isEmpty() && b.headers().thread().isEmpty())
            .map(Bounce::file)
            .toList();
    System.out.printf(
        "corpus bounces with no Message-ID of the original anywhere: %d of %d%n",
        without.size(), bounces.size());
    assertThat(without.size()).isLessThan(bounces.size() / 4);
  }

  @Test
  void aRealBounceOfSomethingRapportDidNotSendIsOnlyEvidence() {
    int named = 0;
    for (Bounce b : bounces) {
      Map<String, Long> everyone = new HashMap<>();
      for (String r : b.verdict().recipients()) everyone.put(r, 1L);
      Correspondence known =
          new Correspondence(Map.of(), everyone, everyone, Set.of("me@rapport.invalid"));
      Optional<Correspondence.Match> m = known.match(b.headers(), b.verdict());
      if (m.isPresent()) named++;
      m.ifPresent(match -> assertThat(match.doubtful()).as(b.file()).isTrue());
    }
    assertThat(named).isGreaterThan(500);
  }
}
