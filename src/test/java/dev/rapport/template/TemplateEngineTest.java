package dev.rapport.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
  @TempDir Path dir;
  Path folder;
  TemplateEngine engine;
  Map<String, Object> model;

  @BeforeEach
  void setUp() throws IOException {
    folder = Files.createDirectories(dir.resolve("templates"));
    engine = new TemplateEngine(folder);
    Map<String, Object> contact = new HashMap<>();
    contact.put("name", "Ada Lovelace");
    contact.put("firstName", "Ada");
    contact.put("tier", 1);
    model = new HashMap<>(Map.of("contact", contact));
  }

  void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text);
  }

  @Test
  void rendersPlainValues() throws IOException {
    write("hello.ftl", "Hi ${contact.firstName}, tier ${contact.tier}, ${contact.name?upper_case}");
    assertThat(engine.render("hello.ftl", model)).isEqualTo("Hi Ada, tier 1, ADA LOVELACE");
  }

  @Nested
  class Errors {
    @Test
    void aMissingValueNamesTheVariableTheFileAndTheLine() throws IOException {
      write(
          "outreach.ftl",
          "Subject: Hi\n\nHello ${contact.firstName},\nat ${contact.company} you\n");
      assertThatThrownBy(() -> engine.render("outreach.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessage(
              folder.resolve("outreach.ftl")
                  + " line 4: contact.company is missing;"
                  + " give it a value or write ${contact.company!\"\"} in the template");
    }

    @Test
    void anExplicitDefaultIsTheAuthorsChoice() throws IOException {
      write(
          "t.ftl",
          "at ${contact.company!\"your company\"}<#if contact.role??> as ${contact.role}</#if>.");
      assertThat(engine.render("t.ftl", model)).isEqualTo("at your company.");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
      write("broken.ftl", "Subject: Hi\n\nHello <#if contact.tier == 1>friend\n");
      assertThatThrownBy(() -> engine.render("broken.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageStartingWith(folder.resolve("broken.ftl") + " line 3, column ")
          .hasMessageContaining("syntax error");
    }

    @Test
    void aSyntaxErrorInAnIncludedFileNamesThatFile() throws IOException {
      write("part.ftl", "ok\n${oops");
      write("main.ftl", "first\n<#include \"part.ftl\">");
      assertThatThrownBy(() -> engine.render("main.ftl", model))
          .hasMessageStartingWith(
              folder.resolve("main.ftl")
                  + " line 2: "
                  + folder.resolve("part.ftl")
                  + " line 2, column");
    }

    @Test
    void aMissingTemplateSaysSo() {
      assertThatThrownBy(() -> engine.render("nope.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessage(
              "there is no template " + folder.resolve("nope.ftl") + " in the templates folder");
    }

    @Test
    void withoutTheFolderADefaultRendersAndAnotherNameIsLookedForInTheFolder() {
      TemplateEngine none = new TemplateEngine(dir.resolve("elsewhere"));
      model.put("me", Map.of("name", "Sam", "email", "sam@example.org", "signature", "Sam"));
      assertThat(none.renderMessage("follow-up.ftl", model).body()).startsWith("Hi Ada,");
      assertThatThrownBy(() -> none.render("nope.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessage(
              "there is no template "
                  + dir.resolve("elsewhere").resolve("nope.ftl")
                  + " in the templates folder");
    }

    @Test
    void anErrorInADefaultNamesItAsRapports() {
      TemplateEngine none = new TemplateEngine(dir.resolve("elsewhere"));
      assertThatThrownBy(() -> none.render("follow-up.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageStartingWith("follow-up.ftl (rapport's default) line ");
    }
  }

  /** Templates are user files, but still must not reach Java or files outside their folder. */
  @Nested
  class LockedDown {
    @Test
    void theApiBuiltInIsRefused() throws IOException {
      write("api.ftl", "${contact?api.size()}");
      assertThatThrownBy(() -> engine.render("api.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageStartingWith(folder.resolve("api.ftl") + " line 1: ")
          .hasMessageContaining("Can't use ?api");
    }

    @Test
    void theNewBuiltInCannotCreateJavaObjects() throws IOException {
      write(
          "exec.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
      write(
          "ctor.ftl",
          "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"/\")}");
      for (String name : new String[] {"exec.ftl", "ctor.ftl"}) {
        assertThatThrownBy(() -> engine.render(name, model))
            .isInstanceOf(TemplateRenderException.class)
            .hasMessageContaining("not allowed");
      }
    }

    @Test
    void javaMethodsAreNotReachable() throws IOException {
      write("cls.ftl", "${contact.getClass()}");
      write("len.ftl", "${contact.name.length()}");
      write("map.ftl", "${contact.get(\"name\")}");
      for (String name : new String[] {"cls.ftl", "len.ftl", "map.ftl"}) {
        assertThatThrownBy(() -> engine.render(name, model))
            .isInstanceOf(TemplateRenderException.class);
      }
      assertThatThrownBy(() -> engine.render("cls.ftl", model))
          .hasMessageContaining("contact.getClass is missing");
    }

    @Test
    void objectsOtherThanPlainValuesAreNotWrapped() throws IOException {
      write("file.ftl", "${f.name!\"x\"} ${f?string}");
      model.put("f", dir.toFile());
      assertThatThrownBy(() -> engine.render("file.ftl", model))
          .isInstanceOf(TemplateRenderException.class);
    }

    @Test
    void evalGivesNoWayAround() throws IOException {
      write("eval.ftl", "${\"contact?api\"?eval}");
      // ?eval is refused outright (it runs text as code); HostileTemplatesTest has the others.
      assertThatThrownBy(() -> engine.render("eval.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining("?eval is not allowed");
    }

    @Test
    void includesInsideTheFolderWork() throws IOException {
      Files.createDirectories(folder.resolve("parts"));
      write("parts/sig.ftl", "-- ${contact.firstName}");
      write("main.ftl", "Hi\n<#include \"parts/sig.ftl\">");
      assertThat(engine.render("main.ftl", model)).isEqualTo("Hi\n-- Ada");
    }

    @Test
    void includesCannotReadOutsideTheFolder() throws IOException {
      Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
      write("up.ftl", "<#include \"../secret.txt\">");
      write("deep.ftl", "<#include \"parts/../../secret.txt\">");
      write("abs.ftl", "<#include \"" + secret.toAbsolutePath() + "\">");
      write("abs2.ftl", "<#include \"" + secret.toAbsolutePath() + "\" parse=false>");
      for (String name : new String[] {"up.ftl", "deep.ftl", "abs.ftl", "abs2.ftl"}) {
        assertThatThrownBy(() -> engine.render(name, model))
            .as(name)
            .isInstanceOf(TemplateRenderException.class)
            .hasMessageStartingWith(folder.resolve(name) + " line 1: ")
            .hasMessageNotContaining("TOP SECRET");
      }
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
      Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
      Files.createSymbolicLink(folder.resolve("link.ftl"), secret);
      write("via-link.ftl", "<#include \"link.ftl\">");
      assertThatThrownBy(() -> engine.render("via-link.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining("outside the templates folder")
          .hasMessageNotContaining("TOP SECRET");
      assertThatThrownBy(() -> engine.render("link.ftl", model))
          .isInstanceOf(TemplateRenderException.class);
    }

    @Test
    void aTemplateNameCannotLeaveTheFolder() throws IOException {
      Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
      assertThatThrownBy(() -> engine.render("../secret.txt", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining("not a template name inside the templates folder");
      assertThatThrownBy(() -> engine.exists("../secret.txt"))
          .isInstanceOf(TemplateRenderException.class);
    }
  }

  @Nested
  class Messages {
    @Test
    void theFirstLineIsTheSubjectAndTheBodyFollowsTheBlankLine() throws IOException {
      write(
          "m.ftl",
          "Subject: Hello ${contact.firstName}\n\n\nDear ${contact.firstName},\n\nthanks.  \n\n");
      RenderedMessage m = engine.renderMessage("m.ftl", model);
      assertThat(m.template()).isEqualTo("m.ftl");
      assertThat(m.subject()).isEqualTo("Hello Ada");
      assertThat(m.body()).isEqualTo("Dear Ada,\n\nthanks.");
    }

    @Test
    void aTemplateWithoutASubjectLineIsRefused() throws IOException {
      write("m.ftl", "Hello ${contact.firstName}\n\nbody");
      assertThatThrownBy(() -> engine.renderMessage("m.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageStartingWith(folder.resolve("m.ftl") + ": the first line must be the subject");
    }

    @Test
    void aSubjectRunningOntoASecondLineIsRefused() throws IOException {
      write("m.ftl", "Subject: About ${contact.name}\nand more\n\nbody");
      assertThatThrownBy(() -> engine.renderMessage("m.ftl", model))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining("line 2 reads \"and more\"");
    }
  }
}
