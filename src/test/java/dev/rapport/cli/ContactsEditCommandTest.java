package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contacts edit}: details corrected, checked as add checks them, drafts following. */
class ContactsEditCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir.resolve("data"));
    cli.run(
        "contacts",
        "add",
        "--name",
        "Grace Hoper",
        "--email",
        "grace@navy.example",
        "--company",
        "Navy",
        "--level",
        "senior");
    cli.run("contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.org");
  }

  @Test
  void onlyTheGivenFieldsChangeAndTheTimelineSaysWhat() throws Exception {
    var r =
        cli.run("contacts", "edit", "1", "--name", "Grace Hopper", "--company", "", "--tier", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Contact 1 (Grace Hopper) changed.");
    JsonNode c = show(1);
    assertThat(c.get("name").asText()).isEqualTo("Grace Hopper");
    assertThat(c.get("company").isNull()).isTrue();
    assertThat(c.get("tier").asInt()).isEqualTo(1);
    assertThat(c.get("email").asText()).isEqualTo("grace@navy.example");
    assertThat(c.get("events").toString())
        .contains("EDITED")
        .contains("name Grace Hoper → Grace Hopper; company Navy → (none); tier 4 → 1");

    var same = cli.run("contacts", "edit", "1", "--name", "Grace Hopper");
    assertThat(same.out()).contains("nothing changed");
    assertThat(show(1).get("events").toString().split("details changed", -1)).hasSize(2);

    assertThat(cli.run("contacts", "edit", "1", "--level", "none").exitCode()).isZero();
    assertThat(show(1).get("level").isNull()).as(show(1).toString()).isTrue();
  }

  @Test
  void aBouncedContactWithACorrectedAddressIsOfferedAndGivenAFreshStart() throws Exception {
    assertThat(cli.run("contacts", "stage", "1", "BOUNCED").exitCode()).isZero();
    var offered = cli.run("contacts", "edit", "1", "--email", "grace.hopper@navy.example");
    assertThat(offered.exitCode()).as(offered.toString()).isZero();
    assertThat(offered.out())
        .contains(
            "Contact 1 is still BOUNCED. To start them over as NEW at the corrected address, run:"
                + " rapport contacts edit 1 --email grace.hopper@navy.example --reset");
    assertThat(show(1).get("stage").asText()).isEqualTo("BOUNCED");

    var reset = cli.run("contacts", "edit", "1", "--email", "grace@navy.mil", "--reset");
    assertThat(reset.exitCode()).as(reset.toString()).isZero();
    assertThat(reset.out()).contains("Contact 1 is NEW again");
    JsonNode c = show(1);
    assertThat(c.get("stage").asText()).isEqualTo("NEW");
    assertThat(c.get("email").asText()).isEqualTo("grace@navy.mil");
    assertThat(c.get("events").toString())
        .contains("BOUNCED → NEW (ADDRESS_CORRECTED): the address is corrected to grace@navy.mil");
  }

  @Test
  void resetIsRefusedUnlessBouncedAndReaddressed() throws Exception {
    var notBounced = cli.run("contacts", "edit", "2", "--email", "ada@new.example", "--reset");
    assertThat(notBounced.exitCode()).isEqualTo(1);
    assertThat(notBounced.err()).contains("contact 2 is NEW, not BOUNCED");
    assertThat(show(2).get("email").asText()).isEqualTo("ada@example.org");
    assertThat(cli.run("contacts", "stage", "1", "BOUNCED").exitCode()).isZero();
    var noAddress = cli.run("contacts", "edit", "1", "--tier", "2", "--reset");
    assertThat(noAddress.exitCode()).isEqualTo(1);
    assertThat(noAddress.err()).contains("give the corrected address with --email");
    assertThat(show(1).get("stage").asText()).isEqualTo("BOUNCED");
    assertThat(show(1).get("tier").asInt()).isEqualTo(4);
  }

  @Test
  void badValuesAreRefusedAndChangeNothing() throws Exception {
    var taken = cli.run("contacts", "edit", "1", "--email", "ADA@example.org");
    assertThat(taken.exitCode()).isEqualTo(1);
    assertThat(taken.err()).contains("email: ADA@example.org is already contact 2 (Ada Lovelace)");
    var tier = cli.run("contacts", "edit", "1", "--tier", "7", "--name", "X");
    assertThat(tier.exitCode()).isEqualTo(1);
    assertThat(tier.err()).contains("tier: expected 1 (closest) to 4");
    var header = cli.run("contacts", "edit", "1", "--name", "Eve\r\nBcc: x@example.org");
    assertThat(header.exitCode()).isEqualTo(1);
    assertThat(cli.run("contacts", "edit", "1", "--hypothesis", "9").err())
        .contains("there is no hypothesis 9");
    assertThat(cli.run("contacts", "edit", "9", "--name", "Nobody").err())
        .contains("There is no contact 9");
    assertThat(show(1).get("name").asText()).isEqualTo("Grace Hoper");
    assertThat(show(1).get("email").asText()).isEqualTo("grace@navy.example");
    var nothing = cli.run("contacts", "edit", "1");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).contains("Say what to change");
  }

  @Test
  void draftsNotYetSentFollowANewAddressAndApprovedOnesWaitForReviewAgain() throws Exception {
    // Tier 1: the note to a close friend has no why-you line to write before approval.
    assertThat(cli.run("contacts", "edit", "1", "--tier", "1").exitCode()).isZero();
    assertThat(cli.run("outreach", "1", "2").exitCode()).isZero();
    assertThat(cli.run("drafts", "approve", "1").exitCode()).isZero();
    var r = cli.run("contacts", "edit", "1", "--email", "grace@example.org");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("1 draft(s) not yet sent now go to grace@example.org");
    JsonNode d = draft(1);
    assertThat(d.get("status").asText()).isEqualTo("PENDING");
    assertThat(cli.run("drafts", "show", "1").out()).contains("grace@example.org");
    assertThat(cli.run("drafts", "show", "2").out()).contains("ada@example.org");
    assertThat(show(1).get("events").toString()).contains("waits for your review again");
  }

  @Test
  void aCorrectedNameReachesTheToLineOfDraftsNotYetSent() throws Exception {
    // Tier 1: the note to a close friend has no why-you line to write before approval.
    assertThat(cli.run("contacts", "edit", "1", "--tier", "1").exitCode()).isZero();
    assertThat(cli.run("outreach", "1").exitCode()).isZero();
    assertThat(cli.run("drafts", "approve", "1").exitCode()).isZero();
    assertThat(cli.run("drafts", "show", "1").out())
        .contains("To: Grace Hoper <grace@navy.example>");

    var r = cli.run("contacts", "edit", "1", "--name", "Grace Hopper");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode d = draft(1);
    assertThat(d.get("toName").asText()).isEqualTo("Grace Hopper");
    assertThat(d.get("status").asText())
        .as("approved with the old name in its To line")
        .isEqualTo("PENDING");
    assertThat(cli.run("drafts", "show", "1").out())
        .contains("To: Grace Hopper <grace@navy.example>");
  }

  private JsonNode show(int id) throws Exception {
    return new ObjectMapper().readTree(cli.run("contacts", "show", "" + id, "--json").out());
  }

  private JsonNode draft(int id) throws Exception {
    return new ObjectMapper().readTree(cli.run("drafts", "show", "" + id, "--json").out());
  }
}
