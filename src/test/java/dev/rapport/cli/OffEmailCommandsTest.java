package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.draft.DraftKind;
import dev.rapport.store.DataFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People without an email address: added on LinkedIn or by phone, written to with a short note the
 * user sends by hand ({@code drafts mark-sent}), their answers recorded by hand ({@code contacts
 * reply}).
 */
class OffEmailCommandsTest {
  @TempDir Path dir;

  private static final String ADA_URL = "https://www.linkedin.com/in/ada-lovelace-1815";

  private long ada(DraftsFixture f) {
    var r =
        f.cli.run(
            "contacts",
            "add",
            "--name",
            "Ada Lovelace",
            "--company",
            "Analytical Engines",
            "--profile-url",
            ADA_URL);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Long.parseLong(r.out().strip());
  }

  @Nested
  class Contacts {
    @Test
    void aProfileWithoutAnAddressIsAContactOnLinkedIn() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      JsonNode json = f.contactJson(id);
      assertThat(json.get("channel").asText()).isEqualTo("LINKEDIN");
      assertThat(json.get("email").isNull()).isTrue();
      assertThat(json.get("profileUrl").asText()).isEqualTo(ADA_URL);
      assertThat(f.cli.run("contacts", "show", "" + id).out())
          .startsWith("Ada Lovelace (LinkedIn, " + ADA_URL + ")  (contact 1)")
          .contains("reached by LinkedIn: notes are sent by hand and marked sent");
      assertThat(f.cli.run("contacts", "list").out()).contains("(LinkedIn)");
      var phone =
          f.cli.run("contacts", "add", "--name", "Alan Turing", "--phone", "+44 161 555 0100");
      assertThat(f.contactJson(Long.parseLong(phone.out().strip())).get("channel").asText())
          .isEqualTo("PHONE");
    }

    @Test
    void noAddressAndNoOtherWayIsRefusedWithTheWayOut() {
      DraftsFixture f = new DraftsFixture(dir);
      var r = f.cli.run("contacts", "add", "--name", "Ada Lovelace");
      assertThat(r.exitCode()).as("a usage error").isEqualTo(2);
      assertThat(r.err()).contains("an email address is required").contains("--profile-url");
      ada(f);
      var dup = f.cli.run("contacts", "add", "--name", "Ada L.", "--profile-url", ADA_URL + "/");
      assertThat(dup.exitCode()).isEqualTo(1);
      assertThat(dup.err()).contains("is already contact 1 (Ada Lovelace)");
    }

    @Test
    void anAddressAddedLaterLeavesThemOnLinkedInUntilTheUserSwitches() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      var r = f.cli.run("contacts", "edit", "" + id, "--email", "ada@example.org");
      assertThat(r.out()).contains("They are still reached on LinkedIn");
      assertThat(f.contactJson(id).get("channel").asText()).isEqualTo("LINKEDIN");
      assertThat(f.cli.run("contacts", "edit", "" + id, "--channel", "email").exitCode()).isZero();
      assertThat(f.contactJson(id).get("channel").asText()).isEqualTo("EMAIL");
      assertThat(f.cli.run("contacts", "edit", "" + id, "--email", "").exitCode()).isEqualTo(1);
    }
  }

  @Nested
  class Notes {
    @Test
    void outreachIsAShortNoteThatFitsAConnectionRequest() {
      DraftsFixture f = new DraftsFixture(dir);
      long draft = f.outreach(ada(f));
      JsonNode d = f.draft(draft);
      assertThat(d.get("channel").asText()).isEqualTo("LINKEDIN");
      assertThat(d.get("template").asText()).isEqualTo("outreach-short.ftl");
      assertThat(d.get("to").isNull()).isTrue();
      assertThat(d.get("problem").isNull()).isTrue();
      String body = d.get("body").asText();
      assertThat(body.codePointCount(0, body.length())).isLessThanOrEqualTo(300);
      assertThat(body).startsWith("Hi Ada, I'm Sam Rivera.").contains("Analytical Engines");
      assertThat(f.cli.run("drafts", "show", "" + draft).out())
          .startsWith("A note for Ada Lovelace on LinkedIn, " + ADA_URL)
          .contains("Length: " + body.length() + " characters (a connection note holds 300).");
    }

    @Test
    void aNoteIsNeverApprovedForTheOutboxButMarkedSentByHand() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      long draft = f.outreach(id);
      var approve = f.cli.run("drafts", "approve", "" + draft);
      assertThat(approve.exitCode()).isEqualTo(1);
      assertThat(approve.err()).contains("send it by hand, then 'drafts mark-sent " + draft + "'");

      var sent = f.cli.run("drafts", "mark-sent", "" + draft);

      assertThat(sent.exitCode()).as(sent.toString()).isZero();
      assertThat(sent.out().strip())
          .isEqualTo("Draft 1 (OUTREACH on LinkedIn) marked sent; contact 1 is now CONTACTED.");
      assertThat(f.draft(draft).get("status").asText()).isEqualTo("SENT");
      assertThat(f.draft(draft).get("sentAt").isNull()).isFalse();
      assertThat(f.contactJson(id).get("events").toString())
          .contains("sent by hand on LinkedIn, recorded with 'drafts mark-sent'");
      // The follow-up is planned from the day it was sent by hand, as after an email.
      assertThat(f.cli.run("contacts", "show", "" + id).out())
          .contains("next: ")
          .contains("follow");
      var again = f.cli.run("drafts", "mark-sent", "" + draft);
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err()).contains("is SENT");
    }

    @Test
    void anEmailDraftIsNotMarkedSentByHand() {
      DraftsFixture f = new DraftsFixture(dir);
      long draft = f.outreach(f.contact("Grace Hopper", "grace@example.org"));
      var r = f.cli.run("drafts", "mark-sent", "" + draft);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("goes by email: the outbox sends it once it is approved");
    }

    @Test
    void aNoteLongerThanAConnectionRequestHoldsCannotBeMarkedSent() throws Exception {
      DraftsFixture f = new DraftsFixture(dir);
      DraftsFixture.write(
          f.templates.resolve("outreach-short.ftl"),
          "Subject: Note\n\nHi ${contact.firstName}, " + "very ".repeat(70) + "long.\n");
      long draft = f.outreach(ada(f));
      assertThat(f.draft(draft).get("problem").asText())
          .startsWith("The note is 363 characters; a connection note holds 300.");
      assertThat(f.cli.run("drafts", "show", "" + draft).out()).contains("Too long: The note is");
      var r = f.cli.run("drafts", "mark-sent", "" + draft);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("cannot be marked sent: The note is 363 characters");
    }

    @Test
    void followUpsAndThankYousAreShortNotesToo() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      assertThat(f.draft(scheduled(id, DraftKind.FOLLOW_UP)).get("template").asText())
          .isEqualTo("follow-up-short.ftl");
      JsonNode thanks = f.draft(scheduled(id, DraftKind.THANK_YOU));
      assertThat(thanks.get("template").asText()).isEqualTo("thank-you-short.ftl");
      assertThat(thanks.get("channel").asText()).isEqualTo("LINKEDIN");
      assertThat(thanks.get("inReplyTo").isNull()).isTrue();
    }
  }

  @Nested
  class RepliesByHand {
    @Test
    void anAnswerOnLinkedInMovesToRepliedAndCancelsTheNudge() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      assertThat(f.cli.run("drafts", "mark-sent", "" + f.outreach(id)).exitCode()).isZero();
      long nudge = scheduled(id, DraftKind.FOLLOW_UP);

      var r = f.cli.run("contacts", "reply", "" + id, "--text", "Happy to talk on Thursday!");

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out().strip())
          .isEqualTo("Contact 1 (Ada Lovelace) is now REPLIED. 1 waiting nudge cancelled.");
      assertThat(f.contactJson(id).get("stage").asText()).isEqualTo("REPLIED");
      assertThat(f.draft(nudge).get("status").asText()).isEqualTo("CANCELLED");
      String events = f.contactJson(id).get("events").toString();
      assertThat(events)
          .contains(
              "Reply received outside mail (LinkedIn), recorded by hand:\\nHappy to talk on Thursday!")
          .contains("CONTACTED → REPLIED (HUMAN_REPLY): reply recorded by hand")
          .contains("cancelled: the contact replied (recorded by hand)");
    }

    @Test
    void aReplyFromSomeoneNotYetWrittenToStaysOnTheTimeline() {
      DraftsFixture f = new DraftsFixture(dir);
      long id = ada(f);
      var r = f.cli.run("contacts", "reply", "" + id);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("who stays NEW").contains("'contacts stage 1 REPLIED'");
      assertThat(f.contactJson(id).get("events").toString())
          .contains("Reply received outside mail (LinkedIn), recorded by hand");
    }
  }

  /** A draft as the scheduler makes it, through the same data folder. */
  private long scheduled(long contactId, DraftKind kind) {
    App app =
        new App(
            ConfigLoader.load(dir.resolve("rapport.yaml"), true),
            new DataFolder(dir.resolve("data")),
            Clock.systemUTC(),
            Map.of());
    try {
      return app.database()
          .transaction(c -> app.drafts().scheduled(c, contactId, kind, "test").id());
    } finally {
      app.close();
    }
  }
}
