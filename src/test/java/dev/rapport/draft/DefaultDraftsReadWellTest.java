package dev.rapport.draft;

import static dev.rapport.draft.DraftTemplatesTest.ME;
import static dev.rapport.draft.DraftTemplatesTest.ME_WITH_PITCH;
import static dev.rapport.draft.DraftTemplatesTest.contact;
import static dev.rapport.draft.DraftTemplatesTest.referrer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.template.TemplateEngine;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default templates against issue 14's bar: emails a careful person would send unchanged. Each
 * tier has its own voice, one pitch is stated, the thank-you names each introduction, the
 * keep-in-touch note can mention the conversation, and the outreach check finds nothing to warn
 * about once the one line only the user can write is written.
 */
class DefaultDraftsReadWellTest {
  static final Hypothesis HYPOTHESIS =
      new Hypothesis(
          1,
          "Product management in health tech",
          Hypothesis.Status.OPEN,
          null,
          null,
          null,
          "I've run hospital supply chains for ten years and want to build the tools for them.");
  static final Hypothesis AI =
      new Hypothesis(2, "AI in health", Hypothesis.Status.OPEN, null, null, null);

  /** What a user typically writes in place of the why-you placeholder. */
  static final String WHY = "Your talk on compilers at the Navy Labs open day stayed with me.";

  @TempDir Path dir;
  Path folder;

  @BeforeEach
  void setUp() {
    folder = DefaultTemplates.copyExactly(dir.resolve("templates"));
  }

  DraftTemplates templates(Config.Me me) {
    return new DraftTemplates(new TemplateEngine(folder), me);
  }

  String outreach(Config.Me me, Contact c, Contact referrer, Hypothesis h) {
    return templates(me).render(DraftKind.OUTREACH, c, referrer, h).content().body();
  }

  @Nested
  class Voices {
    @Test
    void someoneYouKnowWellIsNotIntroducedToAsAStranger() {
      String body = outreach(ME_WITH_PITCH, contact(2, "Navy Labs", "engineer"), null, null);
      assertThat(body)
          .startsWith("Hi Grace,\n\n[[why you: ")
          .contains("Your take on my next step would mean a lot.")
          .contains("Could we talk for 20 to 30 minutes")
          .doesNotContain("My name is")
          .doesNotContain("I know you're busy");
    }

    @Test
    void aStrangerIsToldWhyThemInALineTheUserWrites() {
      String body = outreach(ME_WITH_PITCH, contact(3, "Navy Labs", "engineer"), null, null);
      assertThat(body)
          .startsWith(
              "Hi Grace,\n\n[[why you: Say in a line how you came across Grace (a talk, an"
                  + " article, a shared school or employer) and why you write to them.]]\n\n")
          .contains("I know you're busy");
      assertThat(Placeholders.first(body)).isPresent();
    }

    @Test
    void theLatestResearchNoteIsOfferedAsAStartingPoint() {
      var r =
          templates(ME)
              .render(
                  DraftKind.OUTREACH,
                  contact(4, null, null),
                  null,
                  null,
                  null,
                  null,
                  "gave a talk on [supply chains]\nat HIMSS");
      assertThat(r.content().body())
          .contains(
              "[[why you: your note \"gave a talk on (supply chains) at HIMSS\" is a start. Say in"
                  + " a line how you came across Grace");
      assertThat(Placeholders.first(r.content()).orElseThrow()).endsWith("write to them.]]");
    }

    @Test
    void closeFamilyAndFriendsGetTheWarmNoteWithoutAPlaceholder() {
      String body = outreach(ME_WITH_PITCH, contact(1, null, null), null, null);
      assertThat(body).contains("you were one of the first people I thought of");
      assertThat(Placeholders.first(body)).isEmpty();
    }
  }

  @Nested
  class Pitch {
    @Test
    void theHypothesisPitchReplacesTheUsersPitch_neverBoth() {
      for (int tier = 1; tier <= 4; tier++) {
        String body = outreach(ME_WITH_PITCH, contact(tier, "Navy Labs", null), null, HYPOTHESIS);
        assertThat(body)
            .as("tier " + tier)
            .contains("I've run hospital supply chains for ten years")
            .doesNotContain("hospital logistics")
            .doesNotContain("roduct management in health tech");
      }
      String referred = outreach(ME_WITH_PITCH, contact(3, null, null), referrer(), HYPOTHESIS);
      assertThat(referred)
          .contains("I've run hospital supply chains")
          .doesNotContain("hospital logistics");
    }

    @Test
    void withoutAHypothesisPitchTheUsersPitchIsUsed() {
      Hypothesis bare =
          new Hypothesis(3, "Data science", Hypothesis.Status.OPEN, null, null, null, null);
      String body = outreach(ME_WITH_PITCH, contact(1, null, null), null, bare);
      assertThat(body).contains("Ten years in hospital logistics").doesNotContain("ata science");
    }

    @Test
    void withoutAnyPitchTheHypothesisIsPlacedWithoutAStrayCapital() {
      Hypothesis h =
          new Hypothesis(
              4, "Product management in health tech", Hypothesis.Status.OPEN, null, null, null);
      assertThat(outreach(ME, contact(1, null, null), null, h))
          .contains("The idea I'm testing for now: product management in health tech.");
      assertThat(outreach(ME, contact(2, null, null), null, h))
          .contains("The idea I'm testing: product management in health tech.");
      assertThat(outreach(ME, contact(4, null, null), null, h))
          .contains("I'm exploring one idea in particular: product management in health tech.");
      assertThat(outreach(ME, contact(4, null, null), null, AI))
          .contains("one idea in particular: AI in health.");
    }
  }

  @Nested
  class AfterTheConversation {
    static Contact person(long id, String name, String company) {
      OffsetDateTime t = OffsetDateTime.parse("2026-03-02T10:00:00Z");
      return new Contact(
          id, name, id + "@example.org", company, null, 4, Stage.NEW, 0, 7L, null, null, t, t);
    }

    @Test
    void theThankYouNamesEachIntroductionOffered() {
      var facts =
          new DraftTemplates.InterviewFacts(
              "Tuesday, 3 March",
              "shipping small changes",
              List.of(person(10, "Jo Park", "Acme"), person(11, "Lee Chan", null)));
      String body =
          templates(ME)
              .render(DraftKind.THANK_YOU, contact(3, null, null), null, null, facts)
              .content()
              .body();
      assertThat(body)
          .contains("Thank you for taking the time to talk with me on Tuesday, 3 March.")
          .contains(
              "\n\nThank you also for offering to introduce me to Jo Park at Acme and Lee Chan."
                  + " Whenever it suits you, a short email to each, copying me, would be"
                  + " wonderful; I'll take it from there.\n\nI'll let you know");
    }

    @Test
    void oneIntroductionAsksForOneEmailCopyingBoth_noneSaysNothing() {
      var one =
          new DraftTemplates.InterviewFacts(
              "Tuesday, 3 March", null, List.of(person(10, "Jo Park", null)));
      assertThat(
              templates(ME)
                  .render(DraftKind.THANK_YOU, contact(3, null, null), null, null, one)
                  .content()
                  .body())
          .contains(
              "introduce me to Jo Park. Whenever it suits you, a short email copying us both");
      var none = new DraftTemplates.InterviewFacts("Tuesday, 3 March", null);
      assertThat(
              templates(ME)
                  .render(DraftKind.THANK_YOU, contact(3, null, null), null, null, none)
                  .content()
                  .body())
          .doesNotContain("introduce")
          .contains("work.\n\nI'll let you know");
    }

    @Test
    void theKeepInTouchNoteMentionsTheConversation() {
      var facts = new DraftTemplates.InterviewFacts("Tuesday, 3 March", "shipping small changes");
      String body =
          templates(ME)
              .render(DraftKind.KEEP_IN_TOUCH, contact(3, null, null), null, null, facts)
              .content()
              .body();
      assertThat(body)
          .contains("since we talked (on Tuesday, 3 March)")
          .contains("I keep coming back to what you said about shipping small changes.");
    }
  }

  /**
   * The bar of issue 14: every default outreach, for typical contacts, passes the five-point check
   * once the why-you line is written (that placeholder is there on purpose).
   */
  @Test
  void everyDefaultOutreachPassesTheFivePointCheckOnceTheWhyLineIsWritten() {
    List<String> failures = new ArrayList<>();
    for (Config.Me me : List.of(ME, ME_WITH_PITCH))
      for (int tier = 1; tier <= 4; tier++)
        for (Contact referrer : new Contact[] {null, referrer()})
          for (Hypothesis h : new Hypothesis[] {null, HYPOTHESIS, AI})
            for (String[] at :
                new String[][] {{null, null}, {"Navy Labs", null}, {"Navy Labs", "engineer"}}) {
              Contact c = contact(tier, at[0], at[1]);
              var r = templates(me).render(DraftKind.OUTREACH, c, referrer, h);
              String body = r.content().body().replaceAll("\\[\\[why you:[^\\]]*]]", WHY);
              assertThat(Placeholders.first(body)).as(body).isEmpty();
              List<String> warnings =
                  OutreachCheck.check(
                      body,
                      new OutreachCheck.Recipient(
                          c.firstName(),
                          c.company(),
                          referrer == null ? null : referrer.firstName(),
                          tier <= 2),
                      me.signature());
              if (!warnings.isEmpty())
                failures.add(r.template() + " " + warnings + "\n" + body + "\n");
            }
    assertThat(failures).isEmpty();
  }
}
