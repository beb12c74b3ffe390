package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsCommandTest {
  static final String ISO_WITH_OFFSET =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)";

  @TempDir Path dir;
  DraftsFixture f;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    cli = f.cli;
  }

  @Nested
  class Outreach {
    @Test
    void draftsAPendingOutreachAndSaysWhichTemplate() {
      long ada =
          f.contact("Ada Lovelace", "ada@example.org", "--tier", "1", "--company", "Engines");
      var r = cli.run("outreach", String.valueOf(ada));
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out())
          .contains(
              "Drafted draft 1 (OUTREACH to ada@example.org: \"Could I pick your brain about Engines?\")")
          .contains("from outreach-tier1.ftl");
      JsonNode d = f.draft(1);
      assertThat(d.get("status").asText()).isEqualTo("PENDING");
      assertThat(d.get("template").asText()).isEqualTo("outreach-tier1.ftl");
      JsonNode events = f.contactJson(ada).get("events");
      assertThat(events.toString())
          .contains("DRAFT_CREATED")
          .contains("OUTREACH draft 1 from outreach-tier1.ftl");
    }

    @Test
    void refusesASecondOutreachForTheSameContact() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      f.outreach(ada);
      var again = cli.run("outreach", String.valueOf(ada));
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err()).contains("already has outreach draft 1 (PENDING)");
      var forced = cli.run("outreach", "--force", String.valueOf(ada));
      assertThat(forced.exitCode()).isEqualTo(1);
      assertThat(f.draftsJson()).hasSize(1);
    }

    @Test
    void refusesAContactPastNewUnlessForced() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      cli.run("contacts", "stage", String.valueOf(ada), "REPLIED");
      var r = cli.run("outreach", String.valueOf(ada));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("is REPLIED, not NEW").contains("--force");
      assertThat(cli.run("outreach", String.valueOf(ada), "--force").exitCode()).isZero();
    }

    @Test
    void handlesEachContactAndReportsTheFailuresWithExitOne() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      long bob = f.contact("Bob Kahn", "bob@example.org");
      var r =
          cli.run("outreach", String.valueOf(ada), "42", String.valueOf(bob), String.valueOf(ada));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .contains("There is no contact 42.")
          .contains("already has outreach draft");
      assertThat(r.out()).contains("2 drafts made, 2 failed.");
      assertThat(f.draftsJson())
          .extracting(d -> d.get("contactId").asLong())
          .containsExactly(ada, bob);
    }

    @Test
    void aTemplateErrorNamesTheFileAndLineAndMakesNoDraft() throws Exception {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      Files.writeString(
          f.templates.resolve("outreach.ftl"), "Subject: Hi\n\nWorking at ${contact.company}?\n");
      var r = cli.run("outreach", String.valueOf(ada));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              "No draft for contact 1 (Ada Lovelace): "
                  + f.templates.resolve("outreach.ftl")
                  + " line 3: contact.company is missing; give it a value or write ${contact.company!\"\"} in the template");
      assertThat(f.draftsJson()).isEmpty();
    }

    @Test
    void aRecursingTemplateFailsInOneSentenceWithoutATrace() throws Exception {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      Files.writeString(
          f.templates.resolve("outreach.ftl"),
          "Subject: Hi\n\n<#function f n><#return f(n + 1)></#function>${f(1)}\n");
      var r = cli.run("outreach", String.valueOf(ada));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .startsWith(
              "No draft for contact 1 (Ada Lovelace): " + f.templates.resolve("outreach.ftl"))
          .contains("calls itself without end")
          .doesNotContain("\n")
          .doesNotContain("StackOverflowError");
      assertThat(f.draftsJson()).isEmpty();
    }

    @Test
    void needsAtLeastOneId() {
      var r = cli.run("outreach");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("ID");
    }
  }

  @Nested
  class ListAndShow {
    @Test
    void listGivesTheContractJson() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      f.outreach(ada);
      JsonNode d = f.draftsJson().get(0);
      List<String> keys = new ArrayList<>();
      d.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsSubsequence(
              "id",
              "contactId",
              "kind",
              "status",
              "subject",
              "body",
              "messageId",
              "createdAt",
              "sentAt");
      assertThat(d.get("id").asLong()).isEqualTo(1);
      assertThat(d.get("contactId").asLong()).isEqualTo(ada);
      assertThat(d.get("kind").asText()).isEqualTo("OUTREACH");
      assertThat(d.get("status").asText()).isEqualTo("PENDING");
      assertThat(d.get("subject").asText()).isEqualTo("A short question about your work");
      assertThat(d.get("body").asText()).startsWith("Hi Ada,");
      assertThat(d.get("messageId").isNull()).isTrue();
      assertThat(d.get("sentAt").isNull()).isTrue();
      assertThat(d.get("createdAt").asText()).matches(ISO_WITH_OFFSET);
      assertThat(d.get("to").asText()).isEqualTo("ada@example.org");
    }

    @Test
    void listShowsPendingFirstInATableAndFiltersByStatus() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      long bob = f.contact("Bob Kahn", "bob@example.org");
      f.outreach(ada);
      f.outreach(bob);
      cli.run("drafts", "approve", "1");
      var r = cli.run("drafts", "list");
      assertThat(r.exitCode()).isZero();
      String[] lines = r.out().split("\n");
      assertThat(lines[0]).startsWith("ID").contains("STATUS").contains("SUBJECT");
      assertThat(lines[1]).startsWith("2 ").contains("PENDING").contains("bob@example.org");
      assertThat(lines[2]).startsWith("1 ").contains("APPROVED");
      assertThat(r.out()).contains("1 waiting for review");
      var approved = cli.run("drafts", "list", "--status", "approved");
      assertThat(approved.out()).contains("ada@example.org").doesNotContain("bob@example.org");
      assertThat(cli.run("drafts", "list", "--status", "sent").out().strip())
          .isEqualTo("No SENT drafts.");
      var bad = cli.run("drafts", "list", "--status", "LATER");
      assertThat(bad.exitCode()).isEqualTo(1);
      assertThat(bad.err()).contains("not a draft status");
    }

    @Test
    void anEmptyListSaysHowToStart() {
      assertThat(cli.run("drafts", "list").out()).contains("No drafts yet").contains("outreach ID");
    }

    @Test
    void showPrintsTheMessageAsTheRecipientWillSeeIt() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      f.outreach(ada);
      var r = cli.run("drafts", "show", "1");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out())
          .as("every header it goes out with, as the dashboard shows them")
          .startsWith(
              "From: Sam Rivera <sam@example.org>\n"
                  + "To: Ada Lovelace <ada@example.org>\n"
                  + "Subject: A short question about your work\n"
                  + "Date: (set when sent)\n"
                  + "Message-ID: (set when sent)\n"
                  + "MIME-Version: 1.0\n"
                  + "Content-Type: text/plain; charset=UTF-8\n"
                  + "Content-Transfer-Encoding: 7bit\n"
                  + "\n"
                  + "Hi Ada,\n");
      assertThat(r.out())
          .contains(
              "\nSam\n\n[draft 1 · OUTREACH · PENDING · contact 1 (Ada Lovelace) · from outreach.ftl · created ");
    }

    @Test
    void showOfAMissingDraftSaysSo() {
      var r = cli.run("drafts", "show", "9");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip()).isEqualTo("There is no draft 9.");
    }
  }

  @Nested
  class ApproveAndReject {
    @Test
    void approveMarksApprovedAndSaysHowMany() {
      f.outreach(f.contact("Ada Lovelace", "ada@example.org"));
      var r = cli.run("drafts", "approve", "1");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out())
          .contains("Approved draft 1 (OUTREACH to ada@example.org")
          .contains("Approved 1 draft.");
      JsonNode d = f.draft(1);
      assertThat(d.get("status").asText()).isEqualTo("APPROVED");
      assertThat(d.get("approvedAt").asText()).matches(ISO_WITH_OFFSET);
      assertThat(d.get("sentAt").isNull()).isTrue();
    }

    @Test
    void approvingADraftThatIsNotPendingFailsButTheOthersAreApproved() {
      f.outreach(f.contact("Ada Lovelace", "ada@example.org"));
      f.outreach(f.contact("Bob Kahn", "bob@example.org"));
      cli.run("drafts", "reject", "1");
      var r = cli.run("drafts", "approve", "1", "2", "7");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .contains("Draft 1 is REJECTED; only PENDING drafts can be approved.")
          .contains("There is no draft 7.");
      assertThat(r.out()).contains("Approved 1 draft; 2 could not be approved.");
      assertThat(f.draft(2).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void approveAllTakesEveryPendingDraft() {
      f.outreach(f.contact("Ada Lovelace", "ada@example.org"));
      f.outreach(f.contact("Bob Kahn", "bob@example.org"));
      f.outreach(f.contact("Cy Twombly", "cy@example.org"));
      cli.run("drafts", "reject", "3");
      var r = cli.run("drafts", "approve", "--all");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("Approved 2 drafts.");
      assertThat(f.draftsJson())
          .extracting(d -> d.get("status").asText())
          .containsExactly("APPROVED", "APPROVED", "REJECTED");
      assertThat(cli.run("drafts", "approve", "--all").out())
          .contains("No drafts are waiting for review.");
    }

    @Test
    void approveNeedsIdsOrAllButNotBoth() {
      var none = cli.run("drafts", "approve");
      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err())
          .contains("Give the ids of the drafts to approve, or --all.")
          .contains("Usage:");
      var both = cli.run("drafts", "approve", "1", "--all");
      assertThat(both.exitCode()).isEqualTo(2);
      assertThat(both.err()).contains("not both");
    }

    @Test
    void rejectTakesPendingAndApprovedDraftsAndIsOnTheTimeline() {
      long ada = f.contact("Ada Lovelace", "ada@example.org");
      f.outreach(ada);
      cli.run("drafts", "approve", "1");
      var r = cli.run("drafts", "reject", "1");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).contains("Rejected draft 1");
      assertThat(f.draft(1).get("status").asText()).isEqualTo("REJECTED");
      assertThat(f.contactJson(ada).get("events").toString())
          .contains("DRAFT_APPROVED")
          .contains("DRAFT_REJECTED");
      var again = cli.run("drafts", "reject", "1");
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err()).contains("is REJECTED");
      assertThat(cli.run("outreach", String.valueOf(ada)).exitCode())
          .as("a new outreach after rejecting")
          .isZero();
    }
  }

  @Test
  void everyDraftsCommandHasHelp() {
    for (String[] args :
        new String[][] {
          {"outreach", "--help"},
          {"drafts", "--help"},
          {"drafts", "list", "--help"},
          {"drafts", "show", "--help"},
          {"drafts", "edit", "--help"},
          {"drafts", "approve", "--help"},
          {"drafts", "reject", "--help"}
        }) {
      var r = cli.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).startsWith("Usage: rapport " + args[0]);
    }
  }
}
