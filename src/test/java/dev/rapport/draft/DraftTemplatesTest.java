package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.template.RenderedMessage;
import dev.rapport.template.TemplateEngine;
import dev.rapport.template.TemplateRenderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftTemplatesTest {
  static final Config.Me ME =
      new Config.Me("Sam Rivera", "sam@example.org", "Sam\nsam.example.org", "");
  static final Config.Me ME_WITH_PITCH =
      new Config.Me(
          "Sam Rivera",
          "sam@example.org",
          "Sam",
          "Ten years in hospital logistics; exploring product roles in health tech.");

  @TempDir Path dir;
  Path folder;
  DraftTemplates templates;

  @BeforeEach
  void setUp() {
    folder = DefaultTemplates.copyTo(dir.resolve("templates"));
    templates = new DraftTemplates(new TemplateEngine(folder), ME);
  }

  static Contact contact(int tier, String company, String role) {
    OffsetDateTime t = OffsetDateTime.parse("2026-03-02T10:00:00Z");
    return new Contact(
        7,
        "Grace Brewster Hopper",
        "grace@example.org",
        company,
        role,
        tier,
        Stage.NEW,
        0,
        null,
        null,
        null,
        t,
        t);
  }

  static Contact minimal() {
    return contact(4, null, null);
  }

  @Nested
  class Variants {
    @Test
    void theLookupOrderIsReferredThenTierThenPlain() {
      assertThat(DraftTemplates.candidates(DraftKind.OUTREACH, 2, true))
          .containsExactly("outreach-referred.ftl", "outreach-tier2.ftl", "outreach.ftl");
      assertThat(DraftTemplates.candidates(DraftKind.FOLLOW_UP, 1, false))
          .containsExactly("follow-up-tier1.ftl", "follow-up.ftl");
    }

    @Test
    void tierOneGetsTheWarmerNote() {
      assertThat(templates.choose(DraftKind.OUTREACH, contact(1, null, null), false))
          .isEqualTo("outreach-tier1.ftl");
      assertThat(
              templates.render(DraftKind.OUTREACH, contact(1, null, null), null, null).template())
          .isEqualTo("outreach-tier1.ftl");
    }

    @Test
    void otherTiersFallBackToThePlainFile() {
      for (int tier = 2; tier <= 4; tier++) {
        assertThat(templates.choose(DraftKind.OUTREACH, contact(tier, null, null), false))
            .isEqualTo("outreach.ftl");
      }
    }

    @Test
    void aReferredContactGetsTheReferredVariantBeforeTheTier() {
      var r = templates.render(DraftKind.OUTREACH, contact(1, null, null), referrer(), null);
      assertThat(r.template()).isEqualTo("outreach-referred.ftl");
      assertThat(r.content().subject()).isEqualTo("Alan suggested I get in touch");
      assertThat(r.content().body())
          .contains("Alan Turing (Bletchley) suggested I reach out to you");
    }

    @Test
    void withoutAReferredVariantTheTierAndThenThePlainFileAreUsed() throws IOException {
      Files.delete(folder.resolve("outreach-referred.ftl"));
      assertThat(templates.choose(DraftKind.OUTREACH, contact(1, null, null), true))
          .isEqualTo("outreach-tier1.ftl");
      Files.delete(folder.resolve("outreach-tier1.ftl"));
      assertThat(
              new DraftTemplates(new TemplateEngine(folder), ME)
                  .choose(DraftKind.OUTREACH, contact(1, null, null), true))
          .isEqualTo("outreach.ftl");
    }

    @Test
    void kindsWithoutVariantsUseTheirPlainFile() {
      assertThat(templates.choose(DraftKind.THANK_YOU, contact(1, null, null), true))
          .isEqualTo("thank-you.ftl");
    }

    @Test
    void noFileForTheKindSaysWhichFileIsMissing() throws IOException {
      Files.delete(folder.resolve("keep-in-touch.ftl"));
      assertThatThrownBy(() -> templates.choose(DraftKind.KEEP_IN_TOUCH, minimal(), false))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining(folder.resolve("keep-in-touch.ftl") + " is missing");
    }
  }

  @Nested
  class Defaults {
    /** Every default file, for a contact with nothing but a name and an address. */
    @Test
    void everyDefaultTemplateRendersForAMinimalContact() {
      TemplateEngine engine = new TemplateEngine(folder);
      Contact bare = minimal();
      Contact referrer =
          new Contact(
              8,
              "Alan",
              "alan@example.org",
              null,
              null,
              4,
              Stage.NEW,
              0,
              null,
              null,
              null,
              bare.createdAt(),
              bare.createdAt());
      assertThat(DefaultTemplates.files()).hasSizeGreaterThanOrEqualTo(7);
      for (Path file : DefaultTemplates.files()) {
        String name = file.getFileName().toString();
        Map<String, Object> model =
            templates.model(bare, name.contains("referred") ? referrer : null, null);
        if (name.startsWith("confirm"))
          model.put(
              "interview",
              Map.of(
                  "day",
                  "Tuesday, 8 December 2026",
                  "time",
                  "10:00",
                  "zone",
                  "Europe/Berlin",
                  "minutes",
                  30));
        RenderedMessage m = engine.renderMessage(name, model);
        DraftContent content = new DraftContent(bare.email(), m.subject(), m.body());
        assertThat(content.subject())
            .as(name)
            .isNotBlank()
            .doesNotContain("${")
            .doesNotContain("null");
        assertThat(content.body())
            .as(name)
            .startsWith("Hi Grace,")
            .endsWith("Sam\nsam.example.org")
            .doesNotContain("${")
            .doesNotContain("<#")
            .doesNotContain("null")
            .doesNotContain("  ")
            .doesNotContain(" ,");
      }
    }

    @Test
    void everyKindRendersThroughTheLookup() {
      for (DraftKind kind : DraftKind.values()) {
        if (kind == DraftKind.CONFIRM) continue; // needs its interview: ConfirmDraftIT
        var r = templates.render(kind, minimal(), null, null);
        assertThat(r.template()).isEqualTo(kind.templateBase() + ".ftl");
        assertThat(r.content().to()).isEqualTo("grace@example.org");
      }
    }

    @Test
    void onlyTheKeepInTouchNoteAsksForTheUsersOwnNewsWithAPlaceholder() {
      for (DraftKind kind : DraftKind.values()) {
        if (kind == DraftKind.CONFIRM) continue; // needs its interview: ConfirmDraftIT
        var r = templates.render(kind, minimal(), null, null);
        assertThat(Placeholders.first(r.content()))
            .as(kind.toString())
            .isEqualTo(
                kind == DraftKind.KEEP_IN_TOUCH
                    ? java.util.Optional.of(
                        "[[Your news in a line or two: what you have done since, or something you"
                            + " saw of Grace's work. rapport holds this draft until you replace"
                            + " this text.]]")
                    : java.util.Optional.empty());
      }
    }

    @Test
    void theOutreachNoteSaysWhyAsksForHalfAnHourAndIsSigned() {
      DraftTemplates withPitch = new DraftTemplates(new TemplateEngine(folder), ME_WITH_PITCH);
      var r =
          withPitch.render(
              DraftKind.OUTREACH, contact(3, "Navy Labs", "compiler engineer"), null, null);
      assertThat(r.content().subject()).isEqualTo("A question about your work at Navy Labs");
      assertThat(r.content().body())
          .startsWith("Hi Grace,")
          .contains(
              "My name is Sam Rivera. Ten years in hospital logistics; exploring product roles in health tech.")
          .contains("as compiler engineer at Navy Labs")
          .contains("I know you're busy")
          .contains("20 to 30 minutes")
          .contains("Phone, video or a coffee")
          .contains("Thank you")
          .endsWith("\n\nSam");
    }

    @Test
    void aLinkedHypothesisIsMentionedWhenThereIsNoPitch() {
      Hypothesis h =
          new Hypothesis(
              1, "product management in health tech", Hypothesis.Status.OPEN, null, null, null);
      var r = templates.render(DraftKind.OUTREACH, minimal(), null, h);
      assertThat(r.content().body())
          .contains("I'm exploring one idea in particular: product management in health tech.");
    }

    @Test
    void laterKindsUseInterviewDetailsWhenTheyAreThere() {
      TemplateEngine engine = new TemplateEngine(folder);
      Map<String, Object> model = templates.model(minimal(), null, null);
      model.put("interview", Map.of("date", "12 March", "highlight", "learning in public"));
      RenderedMessage m = engine.renderMessage("thank-you.ftl", model);
      assertThat(m.body())
          .contains("talk with me on 12 March")
          .contains("what you said about learning in public");
      model.put("interview", Map.of("date", "12 March"));
      assertThat(engine.renderMessage("thank-you.ftl", model).body())
          .contains("It gave me a lot to think about");
    }
  }

  @Nested
  class Refusals {
    @Test
    void anEmptySubjectIsRefusedNamingTheFile() throws IOException {
      Files.writeString(folder.resolve("outreach.ftl"), "Subject: ${contact.company!\"\"}\n\nHi\n");
      assertThatThrownBy(() -> templates.render(DraftKind.OUTREACH, minimal(), null, null))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessage(folder.resolve("outreach.ftl") + ": the subject is empty");
    }

    @Test
    void aSubjectOver200CharactersIsRefused() throws IOException {
      Files.writeString(
          folder.resolve("outreach.ftl"),
          "Subject: <#list 1..50 as i>${contact.firstName} </#list>\n\nHi\n");
      assertThatThrownBy(() -> templates.render(DraftKind.OUTREACH, minimal(), null, null))
          .hasMessageContaining("keep it to 200 at most");
    }

    @Test
    void aControlCharacterInTheSubjectIsRefused() throws IOException {
      Files.writeString(folder.resolve("outreach.ftl"), "Subject: Hi\u000bthere\n\nHi\n");
      assertThatThrownBy(() -> templates.render(DraftKind.OUTREACH, minimal(), null, null))
          .hasMessageContaining("control character");
    }

    @Test
    void anEmptyBodyIsRefused() throws IOException {
      Files.writeString(
          folder.resolve("outreach.ftl"),
          "Subject: Hi\n\n<#if contact.role??>${contact.role}</#if>\n");
      assertThatThrownBy(() -> templates.render(DraftKind.OUTREACH, minimal(), null, null))
          .hasMessage(folder.resolve("outreach.ftl") + ": the body is empty");
    }
  }

  /** Not a timed assertion: prints how long rendering 1,000 drafts takes with one engine. */
  @Test
  void rendersAThousandDraftsWithOneEngine() {
    long start = System.nanoTime();
    int chars = 0;
    for (int i = 0; i < 1000; i++) {
      Contact c =
          contact(1 + i % 4, i % 2 == 0 ? "Company " + i : null, i % 3 == 0 ? "engineer" : null);
      chars +=
          templates
              .render(
                  DraftKind.values()[i % DraftKind.CONFIRM.ordinal()],
                  c,
                  i % 5 == 0 ? referrer() : null,
                  null)
              .content()
              .body()
              .length();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "Rendered 1000 drafts (templates only, first use included) in " + ms + " ms");
    assertThat(chars).isGreaterThan(1000 * 200);
  }

  static Contact referrer() {
    OffsetDateTime t = OffsetDateTime.parse("2026-03-01T10:00:00Z");
    return new Contact(
        3,
        "Alan Turing",
        "alan@example.org",
        "Bletchley",
        null,
        2,
        Stage.INTERVIEWED,
        0,
        null,
        null,
        null,
        t,
        t);
  }
}
