package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsImportCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir.resolve("data"));
  }

  Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static Path fixture(String name) throws Exception {
    return Path.of(ContactsImportCommandTest.class.getResource("/imports/" + name).toURI());
  }

  CliRunner.Result importing(Path file, String... options) {
    List<String> args = new ArrayList<>(List.of("contacts", "import", file.toString()));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  JsonNode contacts() throws Exception {
    var r = cli.run("contacts", "list", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return JSON.readTree(r.out());
  }

  static List<String> names(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(c -> c.get("name").asText())
        .toList();
  }

  @Nested
  class Csv {
    @Test
    void importsUnicodeNamesAndValuesWithQuotedCommas() throws Exception {
      Path f =
          file(
              "people.csv",
              """
          Name,Email,Company,Role
          Zoë Ångström,zoe@example.se,Nordlys AB,Head of Product
          李小龍,bruce.lee@example.hk,"Golden Harvest, Ltd.",Director
          José Núñez,jose.nunez@example.es,"Clínica Salud, S.L.","Director, Operations"
          """);
      var r = importing(f);
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out())
          .startsWith("Imported 3 contacts from people.csv; 0 skipped as duplicates; 0 rejected.");
      JsonNode list = contacts();
      assertThat(names(list)).containsExactly("Zoë Ångström", "李小龍", "José Núñez");
      assertThat(list.get(1).get("company").asText()).isEqualTo("Golden Harvest, Ltd.");
      assertThat(list.get(2).get("role").asText()).isEqualTo("Director, Operations");
      assertThat(list.get(2).get("tier").asInt()).as("the default tier").isEqualTo(4);
    }

    @Test
    void readsSemicolonsAndAByteOrderMark() throws Exception {
      byte[] text =
          "\uFEFFName;E-Mail-Adresse;Firma\nJosé Núñez;jose@example.es;Clínica Salud, S.L.\n"
              .getBytes(StandardCharsets.UTF_8);
      var r = importing(Files.write(dir.resolve("excel.csv"), text));
      assertThat(r.exitCode()).as(r.toString()).isZero();
      JsonNode jose = contacts().get(0);
      assertThat(jose.get("name").asText()).isEqualTo("José Núñez");
      assertThat(jose.get("email").asText()).isEqualTo("jose@example.es");
      assertThat(jose.get("company").asText()).isEqualTo("Clínica Salud, S.L.");
    }

    @Test
    void rejectsALineBreakSmuggledIntoANameAndKeepsTheOtherRows() throws Exception {
      Path f =
          file(
              "evil.csv",
              "name,email\r\nAda,ada@example.org\r\n\"Eve\r\nBcc: victim@example.org\",eve@example.org\r\nBob,bob@example.org\r\n");
      var r = importing(f);
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out())
          .contains("Imported 2 contacts")
          .contains("1 rejected")
          .contains("line 3: name: contains a control character (CR at position 4)");
      assertThat(names(contacts())).containsExactly("Ada", "Bob");
      assertThat(contacts().toString()).doesNotContain("victim");
    }

    @Test
    void reportsRowsAfterAMultiLineValueAtTheirPhysicalLines() throws Exception {
      Path f =
          file(
              "notes.csv",
              """
          name,email,notes
          Ada,ada@example.org,"met at the meetup;
          wants to talk about
          logistics"
          Bob,not-an-address,
          Carol,carol@example.org,"two
          lines"
          Dan,,
          """);
      var r = importing(f);
      assertThat(r.out())
          .contains("line 5: email: \"not-an-address\" is not a valid email address")
          .contains("1 row has no email address (line 8)");
      var show = cli.run("contacts", "show", "2", "--json");
      assertThat(show.out()).contains("imported from notes.csv line 6").contains("two\\nlines");
    }

    @Test
    void takesTheKeepMarkAndTheTimeZoneAndRejectsBadOnes() throws Exception {
      Path f =
          file(
              "zones.csv",
              "Name,E-mail,Keep in touch,Time zone\nAda,ada@example.org,yes,Europe/London\n"
                  + "Bob,bob@example.org,,\nCy,cy@example.org,maybe,\n"
                  + "Dee,dee@example.org,no,Mars/Olympus\n");
      var r = importing(f);
      assertThat(r.out())
          .contains("Imported 2 contacts")
          .contains("line 4: keep: expected yes or no (keep in touch), but found \"maybe\"")
          .contains("line 5: timezone: \"Mars/Olympus\" is not a time zone");
      JsonNode list = contacts();
      assertThat(names(list)).containsExactly("Ada", "Bob");
      assertThat(list.get(0).get("keepInTouch").asBoolean()).isTrue();
      assertThat(list.get(0).get("timezone").asText()).isEqualTo("Europe/London");
      assertThat(list.get(1).get("keepInTouch").asBoolean()).isFalse();
      assertThat(list.get(1).get("timezone").isNull()).isTrue();
      assertThat(cli.run("contacts", "show", "1", "--json").out())
          .contains("KEEP_IN_TOUCH_MARKED")
          .contains("time zone Europe/London");
    }

    @Test
    void takesTheCareerLevelFromASeniorityColumnAndRejectsAnUnknownOne() throws Exception {
      Path f =
          file(
              "levels.csv",
              "Name,E-mail,Seniority\nAda,ada@example.org,Senior\nBob,bob@example.org,junior\n"
                  + "Cy,cy@example.org,\nDee,dee@example.org,wizard\nEd,ed@example.org,Mid-Level\n");
      var r = importing(f);
      assertThat(r.out())
          .contains("Imported 4 contacts")
          .contains(
              "line 5: level: \"wizard\" is not a career level; expected EMERGING, MID or SENIOR");
      JsonNode list = contacts();
      assertThat(names(list)).containsExactly("Ada", "Bob", "Cy", "Ed");
      assertThat(list.get(0).get("level").asText()).isEqualTo("SENIOR");
      assertThat(list.get(1).get("level").asText()).isEqualTo("EMERGING");
      assertThat(list.get(2).get("level").isNull()).isTrue();
      assertThat(list.get(3).get("level").asText()).isEqualTo("MID");
    }

    @Test
    void takesTierFromItsColumnAndRejectsABadOne() throws Exception {
      Path f =
          file(
              "tiers.csv",
              "name,email,tier\nAda,ada@example.org,1\nBob,bob@example.org,\nCarol,carol@example.org,close\nDan,dan@example.org,7\n");
      var r = importing(f, "--tier", "3");
      assertThat(r.out())
          .contains("Imported 2 contacts")
          .contains("line 4: tier: expected 1 (closest) to 4 (acquaintances), but found \"close\"")
          .contains("line 5: tier: expected 1 (closest) to 4 (acquaintances), but found 7");
      JsonNode list = contacts();
      assertThat(list.get(0).get("tier").asInt()).isEqualTo(1);
      assertThat(list.get(1).get("tier").asInt()).as("--tier for a row without one").isEqualTo(3);
    }

    @Test
    void rejectsARowWhoseUnquotedCommaShiftsItsColumns() throws Exception {
      var r =
          importing(file("shift.csv", "name,email,company\nAda,ada@example.org,Engines, Inc.\n"));
      assertThat(r.out())
          .contains("Imported 0 contacts")
          .contains(
              "line 2: has 4 values but the header on line 1 names 3 columns; a value that contains a comma needs double quotes");
    }

    @Test
    void importsTheRowsBeforeAQuoteThatNeverCloses() throws Exception {
      var r =
          importing(
              file(
                  "open.csv",
                  "name,email\nAda,ada@example.org\n\"Bob,bob@example.org\nCarol,carol@example.org\n"));
      assertThat(r.exitCode()).isZero();
      assertThat(r.out())
          .contains("Imported 1 contact from open.csv")
          .contains("line 3: a double quote opens a value here and is never closed");
      assertThat(names(contacts())).containsExactly("Ada");
    }
  }

  @Nested
  class Duplicates {
    @Test
    void skipsAddressesKnownOrRepeatedWhateverTheirCase() throws Exception {
      cli.run("contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.org");
      Path f =
          file(
              "dups.csv",
              """
          name,email
          Ada L.,ADA@Example.org
          Bob,bob@example.org
          Robert,BOB@EXAMPLE.ORG
          Carol,carol@example.org
          """);
      var r = importing(f);
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Imported 2 contacts from dups.csv; 2 skipped as duplicates; 0 rejected.",
              "line 2: skipped, duplicate of contact 1 (ada@example.org)",
              "line 4: skipped, duplicate of line 3");
      assertThat(names(contacts())).containsExactly("Ada Lovelace", "Bob", "Carol");
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws Exception {
      Path f = file("twice.csv", "name,email\nAda,ada@example.org\nBob,bob@example.org\n");
      importing(f);
      var again = importing(f);
      assertThat(again.out())
          .startsWith("Imported 0 contacts from twice.csv; 2 skipped as duplicates; 0 rejected.")
          .contains("line 3: skipped, duplicate of contact 2 (bob@example.org)");
      assertThat(contacts()).hasSize(2);
    }

    @Test
    void aLargeReImportGathersRowsThatAreAlreadyContacts() throws Exception {
      StringBuilder csv = new StringBuilder("name,email\n");
      for (int i = 1; i <= 30; i++)
        csv.append("Person ").append(i).append(",p").append(i).append("@example.org\n");
      Path f = file("many.csv", csv.toString());
      importing(f);
      var again = importing(f);
      assertThat(again.out().lines().toList())
          .containsExactly(
              "Imported 0 contacts from many.csv; 30 skipped as duplicates; 0 rejected.",
              "30 rows are already contacts (lines 2-31): skipped; 'contacts import --json' lists each one.");
    }
  }

  @Nested
  class ConnectionsExport {
    @Test
    void keepsEveryRowAndNamesThoseWithoutAnAddress() throws Exception {
      var r = importing(fixture("Connections.csv"));
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Imported 9 contacts from Connections.csv; 1 skipped as a duplicate; 1 rejected.",
              "line 12: skipped, duplicate of line 8",
              "line 14: email: \"bad.address@\" is not a valid email address: it needs exactly one @ with a name before it and a domain after it",
              "4 contacts without an email address, on LinkedIn: Wei Li (line 6), Alan Turing (line 9),"
                  + " Katherine Johnson (line 10), Ada Lovelace (line 11). Their notes are short, to"
                  + " send by hand ('drafts mark-sent').");
      JsonNode list = contacts();
      assertThat(names(list))
          .containsExactly(
              "Zoë Ångström",
              "Wei Li",
              "José Núñez",
              "Grace Hopper",
              "Alan Turing",
              "Katherine Johnson",
              "Ada Lovelace",
              "Margaret Hamilton",
              "Linus Torvalds");
      JsonNode wei = list.get(1);
      assertThat(wei.get("channel").asText()).isEqualTo("LINKEDIN");
      assertThat(wei.get("email").isNull()).isTrue();
      assertThat(wei.get("profileUrl").asText())
          .isEqualTo("https://www.linkedin.com/in/wei-li-88a01b2");
      assertThat(wei.get("connectedOn").asText()).isEqualTo("2024-02-02");
      JsonNode zoe = list.get(0);
      assertThat(zoe.get("channel").asText()).isEqualTo("EMAIL");
      assertThat(zoe.get("profileUrl").asText())
          .isEqualTo("https://www.linkedin.com/in/zoe-angstrom-4b1a2c3");
      assertThat(list.get(7).get("role").asText()).isEqualTo("Director, Software Engineering");
      assertThat(cli.run("contacts", "show", "2").out())
          .contains("Wei Li (LinkedIn, https://www.linkedin.com/in/wei-li-88a01b2)")
          .contains("connected on 2024-02-02")
          .contains("imported from Connections.csv line 6");
      assertThat(cli.run("contacts", "list").out()).contains("(LinkedIn)");
    }

    @Test
    void reimportingSkipsPeopleWithoutAnAddressByTheirProfile() throws Exception {
      importing(fixture("Connections.csv"));
      var again = importing(fixture("Connections.csv"));
      assertThat(again.out())
          .startsWith("Imported 0 contacts from Connections.csv; 10 skipped as duplicates;")
          .contains("line 6: skipped, duplicate of contact 2 (Wei Li)");
    }

    @Test
    void findsDuplicatesWithoutAProfileByNameAndCompany() throws Exception {
      var r =
          importing(
              file(
                  "met.csv",
                  "Name,Email,Company,Phone\nAda Lovelace,,Engines,+44 20 1234\n"
                      + "ada lovelace,,Engines,+44 20 9999\nAda Lovelace,,Looms,+44 20 5555\n"));
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Imported 2 contacts from met.csv; 1 skipped as a duplicate; 0 rejected.",
              "line 3: skipped, duplicate of line 2",
              "2 contacts without an email address, on phone: Ada Lovelace (line 2), Ada Lovelace"
                  + " (line 4). Their notes are short, to send by hand ('drafts mark-sent').");
      assertThat(contacts().get(0).get("channel").asText()).isEqualTo("PHONE");
      assertThat(contacts().get(0).get("phone").asText()).isEqualTo("+44 20 1234");
    }

    @Test
    void readsBothDateFormsAndKeepsARowWithABadDate() throws Exception {
      var r =
          importing(
              file(
                  "Connections.csv",
                  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,03/15/2023\n"
                      + "Alan,Turing,https://www.linkedin.com/in/alan,,Manchester,Reader,15 Mar 2023\n"
                      + "Grace,Hopper,https://www.linkedin.com/in/grace,,Navy,Admiral,32 Mar 2023\n"));
      assertThat(r.out().lines().toList())
          .contains(
              "line 4: connected on: \"32 Mar 2023\" is not a date (expected e.g. 15 Mar 2023 or"
                  + " 03/15/2023); the contact is kept without it")
          .first()
          .isEqualTo(
              "Imported 3 contacts from Connections.csv; 0 skipped as duplicates; 0 rejected.");
      JsonNode list = contacts();
      assertThat(list.get(0).get("connectedOn").asText()).isEqualTo("2023-03-15");
      assertThat(list.get(1).get("connectedOn").asText()).isEqualTo("2023-03-15");
      assertThat(list.get(2).get("connectedOn").isNull()).isTrue();
    }

    @Test
    void namesTheLinkedInContactsEvenWhenThereAreHundreds() throws Exception {
      StringBuilder sb =
          new StringBuilder(
              "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
      sb.append("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
      for (int i = 0; i < 400; i++) {
        boolean hasEmail = i % 100 == 0;
        sb.append("Person,")
            .append(i)
            .append(",https://www.linkedin.com/in/p")
            .append(i)
            .append(',')
            .append(hasEmail ? "p" + i + "@example.org" : "")
            .append(",Acme,Engineer,01 Jan 2024\n");
      }
      var r = importing(file("Connections.csv", sb.toString()));
      List<String> lines = r.out().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .isEqualTo(
              "Imported 400 contacts from Connections.csv; 0 skipped as duplicates; 0 rejected.");
      assertThat(lines.get(1))
          .startsWith(
              "396 contacts without an email address, on LinkedIn: Person 1 (line 6), Person 2 (line 7),")
          .contains("Person 20 (line 25) and 376 more.");
    }

    @Test
    void namesTheConnectionsFormat() throws Exception {
      JsonNode doc = JSON.readTree(importing(fixture("Connections.csv"), "--json").out());
      assertThat(doc.get("format").asText()).isEqualTo("LINKEDIN");
      assertThat(doc.get("rejected")).hasSize(1);
      assertThat(doc.get("rejected").findValues("line"))
          .extracting(JsonNode::asInt)
          .containsExactly(14);
      assertThat(doc.get("withoutEmail").get(0).toString())
          .isEqualTo("{\"line\":6,\"name\":\"Wei Li\",\"channel\":\"LINKEDIN\"}");
    }
  }

  @Nested
  class Vcards {
    @Test
    void importsVersion3AndKeepsTheCardWithOnlyAPhone() throws Exception {
      var r = importing(fixture("contacts-3.0.vcf"), "--tier", "2");
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Imported 3 contacts from contacts-3.0.vcf; 0 skipped as duplicates; 0 rejected.",
              "1 contact without an email address, on phone: Katherine Johnson (line 21). Their"
                  + " notes are short, to send by hand ('drafts mark-sent').");
      JsonNode list = contacts();
      assertThat(names(list)).containsExactly("Zoë Ångström", "José Núñez", "Katherine Johnson");
      assertThat(list.get(2).get("phone").asText()).isEqualTo("+1 757 555 0100");
      assertThat(list.get(0).get("email").asText()).isEqualTo("zoe@example.se");
      assertThat(list.get(0).get("tier").asInt()).isEqualTo(2);
      var zoe = cli.run("contacts", "show", "1", "--json").out();
      assertThat(zoe)
          .contains("imported from contacts-3.0.vcf line 1")
          .contains("Met at the Stockholm product meetup, spoke about onboarding.");
    }

    @Test
    void importsVersion4AndSkipsADuplicateOfAnExistingContact() throws Exception {
      cli.run("contacts", "add", "--name", "Grace", "--email", "Grace@Navy.Example.org");
      var r = importing(fixture("contacts-4.0.vcf"));
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Imported 2 contacts from contacts-4.0.vcf; 1 skipped as a duplicate; 0 rejected.",
              "line 12: skipped, duplicate of contact 1 (Grace@Navy.Example.org)");
      JsonNode list = contacts();
      assertThat(names(list)).containsExactly("Grace", "李小龍", "Ada Lovelace");
      assertThat(list.get(1).get("email").asText()).isEqualTo("bruce.lee@example.hk");
      assertThat(list.get(1).get("company").asText()).isEqualTo("Golden Harvest");
    }

    @Test
    void explainsAnUnusableCardWithTheReadersWarning() throws Exception {
      Path f =
          file(
              "broken.vcf",
              String.join(
                  "\r\n",
                  "BEGIN:VCARD",
                  "VERSION:3.0",
                  "FN:Bob",
                  "EMAIL bob@example.org",
                  "END:VCARD",
                  ""));
      var r = importing(f, "--json");
      JsonNode rejected = JSON.readTree(r.out()).get("rejected").get(0);
      assertThat(rejected.get("line").asInt()).isEqualTo(1);
      assertThat(rejected.get("reason").asText())
          .startsWith("email: an email address is required")
          .contains("line 4: Skipped. Skipping malformed line (no colon character found).");
    }
  }

  @Nested
  class Options {
    @Test
    void linksEveryContactToTheHypothesis() throws Exception {
      cli.run("hypotheses", "add", "product management in health tech");
      var r =
          importing(
              file("h.csv", "name,email\nAda,ada@example.org\nBob,bob@example.org\n"),
              "--hypothesis",
              "1");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(contacts().findValues("hypothesisId"))
          .extracting(JsonNode::asLong)
          .containsExactly(1L, 1L);
    }

    @Test
    void refusesAHypothesisThatDoesNotExistAndImportsNothing() throws Exception {
      var r = importing(file("h.csv", "name,email\nAda,ada@example.org\n"), "--hypothesis", "9");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("--hypothesis: there is no hypothesis 9");
      assertThat(contacts()).isEmpty();
    }

    @Test
    void takesAHypothesisPerRowFromItsColumn() throws Exception {
      cli.run("hypotheses", "add", "first");
      cli.run("hypotheses", "add", "second");
      var r =
          importing(
              file(
                  "h.csv",
                  "name,email,hypothesis\nAda,ada@example.org,2\nBob,bob@example.org,\nCarol,carol@example.org,5\n"),
              "--hypothesis",
              "1");
      assertThat(r.out()).contains("line 4: hypothesis: there is no hypothesis 5");
      assertThat(contacts().findValues("hypothesisId"))
          .extracting(JsonNode::asLong)
          .containsExactly(2L, 1L);
    }

    @Test
    void refusesATierOutOfRange() throws Exception {
      var r = importing(file("t.csv", "name,email\nAda,ada@example.org\n"), "--tier", "5");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .contains("--tier: expected 1 (closest) to 4 (acquaintances), but found 5.");
    }

    @Test
    void dryRunReportsButWritesNothing() throws Exception {
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
      Path f =
          file(
              "dry.csv",
              "name,email\nAda,ADA@example.org\nBob,bob@example.org\nCarol,carol@example.org\n,nobody@example.org\n");
      var r = importing(f, "--dry-run");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out().lines().toList())
          .containsExactly(
              "Dry run: would import 2 contacts from dry.csv; 1 skipped as a duplicate; 1 rejected. Nothing was written.",
              "line 2: skipped, duplicate of contact 1 (ada@example.org)",
              "line 5: name: a name is required");
      assertThat(names(contacts())).containsExactly("Ada");
      var json = JSON.readTree(importing(f, "--dry-run", "--json").out());
      assertThat(json.get("dryRun").asBoolean()).isTrue();
      assertThat(json.get("imported").asInt()).isEqualTo(2);
      assertThat(json.get("contactIds")).isEmpty();
      assertThat(names(contacts())).containsExactly("Ada");
    }
  }

  @Nested
  class Json {
    @Test
    void printsOneDocumentWithTheContractKeys() throws Exception {
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
      Path f =
          file(
              "j.csv",
              "name,email\nAda,Ada@Example.org\nBob,bob@example.org\nCarol,carol@\nDan,\nErin,erin@example.org\n");
      var r = importing(f, "--json");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.err()).isEmpty();
      JsonNode doc = JSON.readTree(r.out());
      assertThat(doc.fieldNames())
          .toIterable()
          .containsExactly(
              "file",
              "format",
              "dryRun",
              "imported",
              "skipped",
              "rejected",
              "contactIds",
              "withoutEmail",
              "warnings");
      assertThat(doc.get("file").asText()).isEqualTo("j.csv");
      assertThat(doc.get("format").asText()).isEqualTo("CSV");
      assertThat(doc.get("imported").asInt()).isEqualTo(2);
      assertThat(doc.get("skipped").toString())
          .isEqualTo(
              "[{\"line\":2,\"reason\":\"duplicate of contact 1 (ada@example.org)\",\"email\":\"Ada@Example.org\"}]");
      assertThat(doc.get("rejected").findValues("line"))
          .extracting(JsonNode::asInt)
          .containsExactly(4, 5);
      assertThat(doc.get("rejected").get(1).get("reason").asText())
          .isEqualTo("email: an email address is required");
      List<Long> ids =
          StreamSupport.stream(doc.get("contactIds").spliterator(), false)
              .map(JsonNode::asLong)
              .toList();
      assertThat(ids).containsExactly(2L, 3L);
      assertThat(contacts().findValues("id"))
          .extracting(JsonNode::asLong)
          .containsExactly(1L, 2L, 3L);
    }
  }

  @Nested
  class FailsWithoutImporting {
    @Test
    void onAnEmptyFileWithoutEvenCreatingTheDatabase() throws Exception {
      var r = importing(file("empty.csv", ""));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              dir.resolve("empty.csv") + " is empty: there are no contacts in it to import.");
      assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void onAFileWithoutARecognisableHeader() throws Exception {
      var r = importing(file("phones.csv", "Fax,City\n+44 20 7946 0000,London\n"));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              "phones.csv: found no header row with a name and an email column in the first 20 lines"
                  + " (line 1 has \"Fax\", \"City\", none of which rapport knows). A CSV file needs a name column"
                  + " (\"Name\", or \"First Name\" and \"Last Name\") and an email column (\"Email\", \"E-mail Address\"), or for people without one a profile URL or phone column;"
                  + " vCard (.vcf) files are read too.");
      assertThat(r.out()).isEmpty();
    }

    @Test
    void onAMissingFile() {
      var r = importing(dir.resolve("nowhere.csv"));
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("nowhere.csv: there is no such file.");
    }

    @Test
    void withoutAFileAsBadUsage() {
      var r = cli.run("contacts", "import");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("FILE");
    }
  }

  @Test
  void commitsTheGoodRowsWhenOthersAreBad() throws Exception {
    Path f =
        file(
            "mixed.csv",
            "name,email\nAda,ada@example.org\n,no-name@example.org\nBob,bob@\nCarol,carol@example.org\n");
    importing(f);
    var fresh = new CliRunner(dir.resolve("data"));
    var r = fresh.run("contacts", "list", "--json");
    assertThat(names(JSON.readTree(r.out()))).containsExactly("Ada", "Carol");
  }

  @Test
  void showsNoProgressBarWhenOutputIsNotATerminal() throws Exception {
    StringBuilder sb = new StringBuilder("name,email\n");
    IntStream.range(0, ProgressLine.MIN_ROWS + 100)
        .forEach(i -> sb.append("P").append(i).append(",p").append(i).append("@example.org\n"));
    var r = importing(file("many.csv", sb.toString()));
    assertThat(r.out()).startsWith("Imported 600 contacts");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void writesLargeCountsWithThousandsSeparators() throws Exception {
    StringBuilder sb = new StringBuilder("name,email\n");
    IntStream.range(0, 1_200).forEach(i -> sb.append("P").append(i).append(",\n"));
    var r = importing(file("nomail.csv", sb.toString()));
    assertThat(r.out().lines().toList())
        .containsExactly(
            "Imported 0 contacts from nomail.csv; 0 skipped as duplicates; 1,200 rejected.",
            "1,200 rows have no email address (lines 2-1201) (no profile URL or phone either): P0"
                + " (line 2), P1 (line 3), P2 (line 4), P3 (line 5), P4 (line 6), P5 (line 7), P6"
                + " (line 8), P7 (line 9), P8 (line 10), P9 (line 11), P10 (line 12), P11 (line 13),"
                + " P12 (line 14), P13 (line 15), P14 (line 16), P15 (line 17), P16 (line 18), P17"
                + " (line 19), P18 (line 20), P19 (line 21) and 1,180 more; add them with 'contacts"
                + " add' when you have an address or profile.");
  }
}
