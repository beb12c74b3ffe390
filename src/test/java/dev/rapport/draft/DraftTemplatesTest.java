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
    folder = DefaultTemplates.copyExactly(dir.resolve("templates"));
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
    void tierTwoGetsItsOwnVoiceAndStrangersThePlainFile() {
      assertThat(templates.choose(DraftKind.OUTREACH, contact(2, null, null), false))
          .isEqualTo("outreach-tier2.ftl");
      for (int tier = 3; tier <= 4; tier++) {
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
    void aKindWithOnlyAVariantOfYoursSaysWhichFileIsMissing() throws IOException {
      Files.move(folder.resolve("keep-in-touch.ftl"), folder.resolve("keep-in-touch-tier2.ftl"));
      assertThatThrownBy(() -> templates.choose(DraftKind.KEEP_IN_TOUCH, minimal(), false))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageContaining(folder.resolve("keep-in-touch.ftl") + " is missing")
          .hasMessageContaining("your templates folder has keep-in-touch-tier2.ftl")
          .hasMessageContaining("templates export");
    }
  }

  /** The user's folder over rapport's defaults, kind by kind (templates/README.md). */
  @Nested
  class YoursOverTheDefaults {
    @Test
    void withoutAFolderEveryKindIsRapportsDefault() {
      TemplateEngine engine = new TemplateEngine(dir.resolve("not-there"));
      DraftTemplates defaults = new DraftTemplates(engine, ME);
      var r = defaults.render(DraftKind.OUTREACH, contact(1, null, null), null, null);
      assertThat(r.template()).isEqualTo("outreach-tier1.ftl");
      assertThat(engine.isUsers("outreach-tier1.ftl")).isFalse();
      assertThat(engine.describe("outreach.ftl")).isEqualTo("outreach.ftl (rapport's default)");
      for (DraftKind kind : DraftKind.values())
        if (kind != DraftKind.CONFIRM) // needs the booked interview; ConfirmDraftIT renders it
        assertThat(defaults.render(kind, minimal(), null, null).content().body())
              .as(kind.toString())
              .startsWith("Hi Grace,");
    }

    @Test
    void yourPlainFileHidesTheDefaultVariantsOfItsKindOnly() throws IOException {
      Path mine = Files.createDirectories(dir.resolve("mine"));
      Files.writeString(mine.resolve("outreach.ftl"), "Subject: Mine\n\nHi ${contact.firstName}\n");
      DraftTemplates yours = new DraftTemplates(new TemplateEngine(mine), ME);
      var outreach = yours.render(DraftKind.OUTREACH, contact(1, null, null), referrer(), null);
      assertThat(outreach.template()).isEqualTo("outreach.ftl");
      assertThat(outreach.content().subject()).isEqualTo("Mine");
      var thanks = yours.render(DraftKind.THANK_YOU, minimal(), null, null);
      assertThat(thanks.template()).isEqualTo("thank-you.ftl");
      assertThat(thanks.content().body()).startsWith("Hi Grace,").contains("Thank");
    }

    @Test
    void yourVariantIsChosenBeforeTheDefaultOfTheSameName() throws IOException {
      Path mine = Files.createDirectories(dir.resolve("mine"));
      Files.writeString(mine.resolve("outreach.ftl"), "Subject: Plain\n\nHi\n");
      Files.writeString(mine.resolve("outreach-tier1.ftl"), "Subject: Close\n\nHi\n");
      DraftTemplates yours = new DraftTemplates(new TemplateEngine(mine), ME);
      assertThat(
              yours
                  .render(DraftKind.OUTREACH, contact(1, null, null), null, null)
                  .content()
                  .subject())
          .isEqualTo("Close");
      assertThat(
              yours
                  .render(DraftKind.OUTREACH, contact(2, null, null), null, null)
                  .content()
                  .subject())
          .isEqualTo("Plain");
    }

    @Test
    void aFileYouAddIsUsedWithinSecondsAndOneYouDeleteGivesTheDefaultBack() throws Exception {
      Path mine = Files.createDirectories(dir.resolve("mine"));
      TemplateEngine engine = new TemplateEngine(mine);
      DraftTemplates live = new DraftTemplates(engine, ME);
      assertThat(subjectOfThanks(live)).isNotEqualTo("Edited");
      Files.writeString(mine.resolve("thank-you.ftl"), "Subject: Edited\n\nHi\n");
      awaitSubject(live, "Edited");
      Files.delete(mine.resolve("thank-you.ftl"));
      String shipped =
          new DraftTemplates(new TemplateEngine(dir.resolve("none")), ME)
              .render(DraftKind.THANK_YOU, minimal(), null, null)
              .content()
              .subject();
      awaitSubject(live, shipped);
    }

    private String subjectOfThanks(DraftTemplates t) {
      return t.render(DraftKind.THANK_YOU, minimal(), null, null).content().subject();
    }

    /** FreeMarker looks at the files again after its update delay (5 s). */
    private void awaitSubject(DraftTemplates t, String subject) throws InterruptedException {
      dev.rapport.testing.Await.until(
          java.time.Duration.ofSeconds(15),
          "the thank-you's subject to become " + subject,
          () -> subjectOfThanks(t).equals(subject));
      assertThat(subjectOfThanks(t)).isEqualTo(subject);
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
    void onlyOutreachAndTheKeepInTouchNoteAskForTheUsersOwnWordsWithAPlaceholder() {
      for (DraftKind kind : DraftKind.values()) {
        if (kind == DraftKind.CONFIRM) continue; // needs its interview: ConfirmDraftIT
        var r = templates.render(kind, minimal(), null, null);
        assertThat(Placeholders.first(r.content()))
            .as(kind.toString())
            .isEqualTo(
                switch (kind) {
                  case KEEP_IN_TOUCH ->
                      java.util.Optional.of(
                          "[[Your news in a line or two: what you have done since, or something you"
                              + " saw of Grace's work. rapport holds this draft until you replace"
                              + " this text.]]");
                  case OUTREACH ->
                      java.util.Optional.of(
                          "[[why you: Say in a line how you came across Grace (a talk, an"
                              + " article, a shared school or employer) and why you write to"
                              + " them.]]");
                  default -> java.util.Optional.empty();
                });
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
          .doesNotContain("My name is")
          .contains(
              "\n\nTen years in hospital logistics; exploring product roles in health tech. Would"
                  + " you be open")
          .contains("as compiler engineer at Navy Labs")
          .contains("I know you're busy")
          .contains("20 to 30 minute conversation")
          .contains("Phone, video or a coffee")
          .contains("thank you for considering it")
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
