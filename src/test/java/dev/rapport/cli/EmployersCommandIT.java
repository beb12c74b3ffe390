package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.RapportMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code method: two-hour}: employers, contacts linked by company, the 3B7 routine over business
 * days (a fixed clock, weekends skipped), boosters and per-employer stats, made the way a user
 * makes them: outreach sent over SMTP by {@code sync}, replies read over IMAP.
 */
class EmployersCommandIT {
  static final String ME = GreenMailAccount.ME;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A Thursday morning, inside the sending window: 3 business days later is the Tuesday. */
  static final ZonedDateTime THURSDAY = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, BERLIN);

  @RegisterExtension static final RapportMail mail = GreenMailAccount.server();

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli =
        GreenMailAccount.runner(
            dir,
            mail,
            "pacing: {timezone: Europe/Berlin, weekly_goal: 5}\ndigest: {enabled: false}\nmethod: two-hour");
    at(THURSDAY);
  }

  void at(ZonedDateTime now) {
    cli.clock(Clock.fixed(now.toInstant(), BERLIN));
  }

  CliRunner.Result ok(String... args) {
    CliRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  long contact(String name, String company) {
    List<String> args =
        new ArrayList<>(
            List.of("contacts", "add", "--name", name, "--email", name.toLowerCase() + "@ex.com"));
    if (company != null) args.addAll(List.of("--company", company));
    return Long.parseLong(ok(args.toArray(String[]::new)).out().strip());
  }

  long employer(String... args) {
    List<String> all = new ArrayList<>(List.of("employers", "add"));
    all.addAll(List.of(args));
    return Long.parseLong(ok(all.toArray(String[]::new)).out().strip());
  }

  JsonNode json(String... args) {
    return DraftsFixture.json(cli.run(args));
  }

  /** Outreach to each contact, approved and sent by {@code sync} at the current clock. */
  void sendOutreach(long... ids) {
    List<String> args = new ArrayList<>(List.of("outreach"));
    for (long id : ids) args.add(String.valueOf(id));
    ok(args.toArray(String[]::new));
    ok("drafts", "approve", "--all");
    ok("sync");
  }

  /** A human answer dated {@code when}, in the thread of the outreach sent to {@code contact}. */
  void replyFrom(String name, long contact, ZonedDateTime when) throws Exception {
    String messageId = null;
    for (JsonNode d : json("drafts", "list", "--json"))
      if (d.get("contactId").asLong() == contact) messageId = d.get("messageId").asText();
    assertThat(messageId).as("message id of the outreach to " + contact).isNotNull();
    String raw =
        """
        From: %s <%s@ex.com>
        To: %s
        Subject: Re: a question
        Message-ID: <reply-%d@ex.com>
        In-Reply-To: %s
        Date: %s

        Happy to talk. Thursday?
        """
            .formatted(
                name,
                name.toLowerCase(),
                ME,
                contact,
                messageId,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(when));
    mail.getUserManager()
        .getUser(ME)
        .deliver(
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
  }

  static List<String> names(JsonNode list, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : list) out.add(e.get(key).asText());
    return out;
  }

  @Nested
  class Employers {
    @Test
    void addLinksContactsByCompanyIgnoringCaseSpacesAndLegalForm() {
      long ann = contact("Ann", "ACME, Inc.");
      long bob = contact("Bob", "  acme ");
      contact("Cy", "Acme Rockets");
      var added = ok("employers", "add", "Acme", "--motivation", "3");
      assertThat(added.err()).contains("Added employer Acme; 2 contacts linked by company.");
      long acme = Long.parseLong(added.out().strip());

      JsonNode show = json("employers", "show", String.valueOf(acme), "--json");
      assertThat(names(show.get("contacts"), "name")).containsExactly("Ann", "Bob");

      // New and edited contacts follow their company.
      long dee = contact("Dee", "Acme GmbH");
      ok("contacts", "edit", String.valueOf(bob), "--company", "Initech");
      show = json("employers", "show", String.valueOf(acme), "--json");
      assertThat(names(show.get("contacts"), "name")).containsExactly("Ann", "Dee");
      assertThat(json("contacts", "show", String.valueOf(dee), "--json").get("employerId").asLong())
          .isEqualTo(acme);
      assertThat(json("contacts", "show", String.valueOf(bob), "--json").get("employerId").isNull())
          .isTrue();

      // Renaming relinks.
      ok("employers", "edit", String.valueOf(acme), "--name", "Initech");
      show = json("employers", "show", String.valueOf(acme), "--json");
      assertThat(names(show.get("contacts"), "name")).containsExactly("Bob");
      assertThat(ann).isPositive();
    }

    @Test
    void listIsOrderedByMotivationThenPostingThenAdvocacy() {
      long umbrellaPerson = contact("Una", "Umbrella");
      employer("Acme", "--motivation", "3");
      employer("Initech", "--motivation", "1", "--posting");
      employer("Globex", "--motivation", "3", "--posting");
      employer("Umbrella", "--motivation", "3");
      employer("Hooli");
      ok("contacts", "stage", String.valueOf(umbrellaPerson), "REPLIED");

      JsonNode list = json("employers", "list", "--json");
      assertThat(names(list, "name"))
          .containsExactly("Globex", "Umbrella", "Acme", "Hooli", "Initech");
      assertThat(list.get(1).get("advocacy").asBoolean()).isTrue();
      assertThat(list.get(3).get("motivation").asInt()).isEqualTo(2);
      assertThat(ok("employers", "list").out()).contains("EMPLOYER", "Globex", "***", "yes");

      ok("employers", "edit", "5", "--motivation", "3", "--posting");
      assertThat(names(json("employers", "list", "--json"), "name")).startsWith("Globex", "Hooli");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
      employer("Acme");
      var dup = cli.run("employers", "add", "ACME, Inc.");
      assertThat(dup.exitCode()).isEqualTo(1);
      assertThat(dup.err()).contains("Employer 1 is already \"Acme\".");
      var four = cli.run("employers", "add", "Globex", "--motivation", "4");
      assertThat(four.exitCode()).isEqualTo(1);
      assertThat(four.err()).contains("--motivation: expected 1, 2 or 3");
      var missing = cli.run("employers", "show", "9");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("There is no employer 9");
      var nothing = cli.run("employers", "edit", "1");
      assertThat(nothing.exitCode()).isEqualTo(1);
      assertThat(nothing.err()).contains("Nothing to change");
    }
  }

  @Test
  void withTheMethodOffEmployersSayHowToTurnItOn(@TempDir Path other) {
    CliRunner off = GreenMailAccount.runner(other, mail, "digest: {enabled: false}");
    var r = off.run("employers", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Turn it on with 'method: two-hour'");
    assertThat(off.run("next", "--json").out()).doesNotContain("secondContacts");
  }

  @Nested
  class ThreeBSeven {
    @Test
    void afterThreeBusinessDaysWithoutAnAnswerASecondPersonThereIsSuggested() {
      long ann = contact("Ann", "Acme");
      long bob = contact("Bob", "Acme");
      long acme = employer("Acme", "--motivation", "3");
      sendOutreach(ann);

      // Friday and Monday are two business days: not yet.
      at(THURSDAY.plusDays(4));
      JsonNode monday = json("next", "--json");
      assertThat(monday.get("secondContacts")).isEmpty();

      // Tuesday: three business days, the weekend not counted.
      at(THURSDAY.plusDays(5));
      JsonNode tuesday = json("next", "--json");
      assertThat(tuesday.get("secondContacts")).hasSize(1);
      JsonNode s = tuesday.get("secondContacts").get(0);
      assertThat(s.get("employerId").asLong()).isEqualTo(acme);
      assertThat(s.get("waitingName").asText()).isEqualTo("Ann");
      assertThat(s.get("candidates").get(0).get("id").asLong()).isEqualTo(bob);
      assertThat(ok("next").out())
          .contains(
              "No answer in 3 business days (3B7)",
              "Acme: no answer from Ann in 3 business days; write to a second person there: Bob (contact "
                  + bob
                  + ").");
      assertThat(ok("employers", "show", String.valueOf(acme)).out()).contains("3B7: Acme");

      // The follow-up to Ann is due 7 business days after the outreach: the Monday after next.
      JsonNode annShown = json("contacts", "show", String.valueOf(ann), "--json");
      assertThat(annShown.get("next").get("action").asText()).isEqualTo("FOLLOW_UP");
      assertThat(Instant.parse(annShown.get("next").get("at").asText().replace("+01:00", "Z")))
          .isNotNull();
      assertThat(annShown.get("next").get("at").asText()).startsWith("2026-12-07T10:00");
      assertThat(ok("contacts", "show", String.valueOf(ann)).out())
          .contains("no answer 7 business days after the outreach (3B7)");

      // Writing to Bob answers the suggestion; his outreach gets its own three days.
      ok("outreach", String.valueOf(bob));
      assertThat(json("next", "--json").get("secondContacts")).isEmpty();
    }

    @Test
    void withNobodyElseThereItSaysToFindSomeone() {
      long ann = contact("Ann", "Acme");
      employer("Acme");
      sendOutreach(ann);
      at(THURSDAY.plusDays(7));
      assertThat(ok("next").out())
          .contains(
              "Nobody else there is among your contacts: find one (add them with 'contacts add --company \"Acme\"').");
    }

    @Test
    void anAnswerFromAnyoneThereEndsTheRoutine() throws Exception {
      long ann = contact("Ann", "Acme");
      contact("Bob", "Acme");
      employer("Acme");
      sendOutreach(ann);
      replyFrom("Ann", ann, THURSDAY.plusDays(1));
      at(THURSDAY.plusDays(6));
      ok("sync");
      assertThat(json("next", "--json").get("secondContacts")).isEmpty();
    }

    @Test
    void withTheMethodOffTheFollowUpWaitsFollowUpAfterAsBefore(@TempDir Path other) {
      CliRunner off =
          GreenMailAccount.runner(
              other, mail, "digest: {enabled: false}\npacing: {timezone: Europe/Berlin}");
      off.clock(Clock.fixed(THURSDAY.toInstant(), BERLIN));
      var add =
          off.run("contacts", "add", "--name", "Ann", "--email", "ann@ex.com", "--company", "Acme");
      assertThat(add.exitCode()).isZero();
      assertThat(off.run("outreach", "1").exitCode()).isZero();
      assertThat(off.run("drafts", "approve", "--all").exitCode()).isZero();
      assertThat(off.run("sync").exitCode()).isZero();
      JsonNode shown = DraftsFixture.json(off.run("contacts", "show", "1", "--json"));
      assertThat(shown.get("next").get("at").asText()).startsWith("2026-12-03T10:00");
      assertThat(shown.has("booster")).isFalse();
    }
  }

  @Test
  void boostersAnsweredWithinThreeBusinessDaysAndStatsCountPerEmployer() throws Exception {
    long ann = contact("Ann", "Acme");
    long bob = contact("Bob", "Acme");
    long cy = contact("Cy", "Globex");
    long acme = employer("Acme", "--motivation", "3");
    employer("Globex");
    sendOutreach(ann, bob, cy);
    // Ann answers on Tuesday before 10:00 (within 3 business days); Cy on Wednesday (4): Ann is a
    // booster.
    replyFrom("Ann", ann, THURSDAY.plusDays(5).minusHours(1));
    replyFrom("Cy", cy, THURSDAY.plusDays(6));
    at(THURSDAY.plusDays(6).plusHours(1));
    ok("sync");
    ok(
        "interviews",
        "schedule",
        String.valueOf(ann),
        "--at",
        THURSDAY.plusDays(8).toOffsetDateTime().toString());

    assertThat(json("contacts", "show", String.valueOf(ann), "--json").get("booster").asBoolean())
        .isTrue();
    assertThat(json("contacts", "show", String.valueOf(cy), "--json").get("booster").asBoolean())
        .isFalse();
    assertThat(ok("contacts", "show", String.valueOf(ann)).out())
        .contains(
            "booster: answered the first outreach within 3 business days",
            "at target employer Acme");
    String list = ok("contacts", "list").out();
    assertThat(list).contains("BOOSTER");
    assertThat(list.lines().filter(l -> l.contains("booster") && l.contains("Ann")).count())
        .isEqualTo(1);
    assertThat(list.lines().filter(l -> l.contains("Cy")).findFirst().orElseThrow())
        .doesNotContain("booster");
    JsonNode people = json("employers", "show", String.valueOf(acme), "--json").get("contacts");
    assertThat(people.get(0).get("booster").asBoolean()).isTrue();
    assertThat(people.get(1).get("booster").asBoolean()).isFalse();

    JsonNode byEmployer = json("stats", "--by-employer", "--json");
    assertThat(names(byEmployer, "employer")).containsExactly("Acme", "Globex");
    JsonNode a = byEmployer.get(0);
    assertThat(a.get("contacts").asInt()).isEqualTo(2);
    assertThat(a.get("contacted").asInt()).isEqualTo(2);
    assertThat(a.get("replies").asInt()).isEqualTo(1);
    assertThat(a.get("interviews").asInt()).isEqualTo(1);
    assertThat(a.get("boosters").asInt()).isEqualTo(1);
    assertThat(byEmployer.get(1).get("replies").asInt()).isEqualTo(1);
    assertThat(byEmployer.get(1).get("boosters").asInt()).isZero();
    JsonNode stats = json("stats", "--json");
    assertThat(stats.get("funnel").get("contacts").asInt()).isEqualTo(3);
    assertThat(stats.get("byEmployer")).hasSize(2);
    assertThat(ok("stats").out()).contains("INTERVIEWS", "Acme", "Globex");
  }
}
