package dev.rapport.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates written to hurt (by mistake or not): each is stopped with one sentence naming the file
 * and the cause, leaves no rendering thread behind, and a good template beside it still renders.
 */
class HostileTemplatesTest {
  @TempDir Path dir;
  Path folder;
  TemplateEngine engine;
  final Map<String, Object> model = Map.of("contact", Map.of("firstName", "Ada"));

  @BeforeEach
  void setUp() throws IOException {
    folder = Files.createDirectories(dir.resolve("templates"));
    // A short time limit keeps the test quick; the default is 2 s.
    engine = new TemplateEngine(folder, new RenderLimits(Duration.ofMillis(500), 256 * 1024, 100));
    write("good.ftl", "Hi ${contact.firstName}");
    write("b.ftl", "b <#include \"a.ftl\">");
    write("classic-part.ftl", "<#setting classic_compatible=true>");
  }

  void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("self.ftl", "x <#include \"self.ftl\">", "self.ftl was included more than"),
        Arguments.of("a.ftl", "a <#include \"b.ftl\">", "was included more than"),
        Arguments.of("macro.ftl", "<#macro m><@m/></#macro><@m/>", "calls itself without end"),
        Arguments.of(
            "function.ftl",
            "<#function f n><#return f(n + 1)></#function>${f(1)}",
            "calls itself without end"),
        Arguments.of("list.ftl", "<#list 1..999999999 as i></#list>", "took longer than 0.5 s"),
        Arguments.of(
            "nested.ftl",
            "<#list 1..99999 as i><#list 1..99999 as j>${\"\"}</#list></#list>",
            "took longer than 0.5 s"),
        Arguments.of(
            "bomb.ftl",
            "<#list 1..999999999 as i>all work and no play </#list>",
            "more than 256 KB"),
        Arguments.of("pad.ftl", "${\"\"?left_pad(300000)}", "more than 256 KB"),
        Arguments.of(
            "classic.ftl",
            "Hi\n<#setting classic_compatible=true>${contact.company}",
            "line 2: <#setting classic_compatible> is not allowed"),
        Arguments.of(
            "classic-included.ftl",
            "<#include \"classic-part.ftl\">${contact.company}",
            "classic-part.ftl line 1: <#setting classic_compatible> is not allowed"),
        Arguments.of(
            "api-setting.ftl", "<#setting api_builtin_enabled=true>${contact?api}", "syntax error"),
        Arguments.of("api.ftl", "${contact?api.size()}", "Can't use ?api"),
        Arguments.of(
            "new.ftl",
            "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "not allowed"),
        Arguments.of("eval.ftl", "${\"contact?api\"?eval}", "?eval is not allowed"),
        Arguments.of(
            "interpret.ftl",
            "<#assign t = \"<#list 1..999999999 as i></#list>\"?interpret><@t/>",
            "?interpret is not allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isStoppedWithOneSentenceNamingTheFile(String name, String text, String cause)
      throws IOException {
    write(name, text);

    TemplateRenderException e =
        catchThrowableOfType(() -> engine.render(name, model), TemplateRenderException.class);

    assertThat(e).as(name).isNotNull();
    assertThat(e.getMessage())
        .startsWith(folder.resolve(name).toString())
        .contains(cause)
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .hasSizeLessThan(400);
    assertThat(renderThreadsAlive()).as("render threads left running").isZero();
    assertThat(engine.render("good.ftl", model)).isEqualTo("Hi Ada");
  }

  private static long renderThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("rapport-template-render") && t.isAlive())
        .count();
  }
}
