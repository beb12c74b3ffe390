package dev.rapport.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renderings run on reused threads: one after another they share one thread, and one that runs
 * until its deadline holds up no other (each deadline is its own).
 */
class RenderThreadTest {
  @TempDir Path dir;
  TemplateEngine engine;
  final Map<String, Object> model = Map.of("contact", Map.of("firstName", "Ada"));

  @BeforeEach
  void setUp() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("templates"));
    engine = new TemplateEngine(folder, new RenderLimits(Duration.ofSeconds(2), 256 * 1024, 100));
    Files.writeString(folder.resolve("good.ftl"), "Hi ${contact.firstName}");
    Files.writeString(folder.resolve("loop.ftl"), "<#list 1..999999999 as i></#list>");
  }

  @Test
  void renderingsOneAfterAnotherShareOneThread() {
    for (int i = 0; i < 50; i++) assertThat(engine.render("good.ftl", model)).isEqualTo("Hi Ada");

    assertThat(engine.renderThread().threadsStarted()).isOne();
  }

  @Test
  void aRenderingRunningToItsDeadlineHoldsUpNoOther() {
    CompletableFuture<String> looping =
        CompletableFuture.supplyAsync(() -> engine.render("loop.ftl", model));
    Await.until(
        Duration.ofSeconds(10),
        "the looping template to be rendering",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(RenderThread.RENDERING)));

    assertThat(engine.render("good.ftl", model)).isEqualTo("Hi Ada");
    assertThat(looping).as("the looping one, still within its 2 s").isNotDone();

    assertThat(looping)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(TemplateLimitException.class)
        .withMessageContaining("took longer than 2 s");
    assertThat(engine.renderThread().threadsStarted()).isEqualTo(2);
    assertThat(engine.render("good.ftl", model)).isEqualTo("Hi Ada");
    assertThat(engine.renderThread().threadsStarted()).as("the two threads reused").isEqualTo(2);
  }
}
