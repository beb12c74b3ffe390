package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.RapportMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Booking the time a contact proposed drafts a CONFIRM reply with the .ics attached; what is
 * reviewed is what arrives (read back over IMAP and parsed as a VEVENT at the booked time); a move
 * before it is sent re-drafts it, a cancellation cancels it; and times that cannot be are refused.
 */
class ConfirmDraftIT {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, BERLIN);

  @RegisterExtension static final RapportMail mail = GreenMailAccount.server();

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli =
        GreenMailAccount.runner(
            dir, mail, "pacing: {timezone: Europe/Berlin}\ndigest: {enabled: false}");
    cli.clock(Clock.fixed(MONDAY.toInstant(), BERLIN));
    ok("contacts", "add", "--name", "Grace Hopper", "--email", "grace@example.com");
  }

  CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  JsonNode confirms() {
    JsonNode all = DraftsFixture.json(cli.run("drafts", "list", "--json"));
    var list = new java.util.ArrayList<JsonNode>();
    for (JsonNode d : all) if (d.get("kind").asText().equals("CONFIRM")) list.add(d);
    list.sort(java.util.Comparator.comparingLong(d -> d.get("id").asLong()));
    var out = new com.fasterxml.jackson.databind.node.ArrayNode(null);
    out.addAll(list);
    return out;
  }

  @Test
  void theConfirmationGoesOutWithAnIcsThatReadsBackAtTheBookedTime() throws Exception {
    var booked =
        ok(
            "interviews",
            "schedule",
            "1",
            "--at",
            "2026-11-26T15:00[Europe/Berlin]",
            "--minutes",
            "45",
            "--where",
            "Video call");
    assertThat(booked.out()).contains("CONFIRM draft", "interview-1.ics");
    JsonNode d = confirms().get(0);
    long id = d.get("id").asLong();
    String shown = ok("drafts", "show", String.valueOf(id)).out();
    assertThat(shown)
        .contains("Thursday, 26 November 2026 at 15:00 (Europe/Berlin), for 45 minutes, Video call")
        .contains("Attached: interview-1.ics (text/calendar; method=REQUEST; charset=UTF-8, ")
        .contains("VEVENT \"Informational interview with Grace Hopper\"");
    ok("drafts", "approve", String.valueOf(id));
    ok("sync");
    assertThat(
            DraftsFixture.json(cli.run("drafts", "show", String.valueOf(id), "--json"))
                .get("status")
                .asText())
        .isEqualTo("SENT");

    Properties p = new Properties();
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), "grace@example.com", "grace@example.com");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] all = inbox.getMessages();
      assertThat(all).hasSize(1);
      Multipart parts = (Multipart) all[0].getContent();
      assertThat(parts.getCount()).isEqualTo(2);
      Part ics = parts.getBodyPart(1);
      assertThat(ics.getFileName()).isEqualTo("interview-1.ics");
      assertThat(ics.isMimeType("text/calendar")).isTrue();
      Calendar cal;
      try (InputStream in = ics.getInputStream()) {
        cal = new CalendarBuilder().build(in);
      }
      VEvent event = (VEvent) cal.getComponent("VEVENT").orElseThrow();
      String start = event.getProperty("DTSTART").orElseThrow().getValue();
      assertThat(start).isEqualTo("20261126T140000Z"); // 15:00 in Berlin
      assertThat(new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("LOCATION:Video call");
    } finally {
      store.close();
    }
  }

  @Test
  void aMoveBeforeItIsSentReDraftsItAndACancellationCancelsIt() throws Exception {
    ok("interviews", "schedule", "1", "--at", "2026-11-26T15:00[Europe/Berlin]");
    long first = confirms().get(0).get("id").asLong();
    ok("drafts", "approve", String.valueOf(first));
    ok("interviews", "reschedule", "1", "--at", "2026-11-27T09:30[Europe/Berlin]");
    JsonNode after = confirms();
    assertThat(after).hasSize(2);
    assertThat(after.get(0).get("status").asText()).isEqualTo("CANCELLED");
    JsonNode second = after.get(1);
    assertThat(second.get("status").asText()).isEqualTo("PENDING");
    assertThat(second.get("body").asText()).contains("Friday, 27 November 2026 at 09:30");
    assertThat(ok("drafts", "show", second.get("id").asText()).out())
        .contains("2026-11-27 09:30 +01:00");

    ok("drafts", "approve", second.get("id").asText());
    ok("interviews", "cancel", "1");
    for (JsonNode d : confirms()) assertThat(d.get("status").asText()).isEqualTo("CANCELLED");
    ok("sync");
    assertThat(mail.getReceivedMessagesForDomain("example.com")).isEmpty();
  }

  @Test
  void noConfirmDraftsNothing() {
    ok("interviews", "schedule", "1", "--at", "2026-11-26T15:00[Europe/Berlin]", "--no-confirm");
    assertThat(confirms()).isEmpty();
  }

  @Test
  void thePastAndImpossibleDatesAreRefusedWithTheReason() {
    var past = cli.run("interviews", "schedule", "1", "--at", "2026-11-20T10:00[Europe/Berlin]");
    assertThat(past.exitCode()).isEqualTo(1);
    assertThat(past.err()).contains("--at: 2026-11-20 10:00 +01:00 is in the past", "--force");
    var forced =
        cli.run(
            "interviews", "schedule", "1", "--at", "2026-11-20T10:00[Europe/Berlin]", "--force");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(confirms()).as("no confirmation for a time gone by").isEmpty();
    ok("interviews", "cancel", "1");

    ok("interviews", "schedule", "1", "--at", "2026-11-30T10:00[Europe/Berlin]", "--no-confirm");
    var early = cli.run("interviews", "done", "1");
    assertThat(early.exitCode()).isEqualTo(1);
    assertThat(early.err()).contains("has not started yet", "--force");
    ok("interviews", "done", "1", "--force", "--no-thank-you");

    var feb = cli.run("interviews", "schedule", "1", "--at", "2026-02-30T10:00+01:00");
    assertThat(feb.err()).contains("there is no day 2026-02-30 (February 2026 has 28 days)");
    var hour = cli.run("interviews", "schedule", "1", "--at", "2026-12-01T25:00+01:00");
    assertThat(hour.err()).contains("there is no time of day 25:00");
  }
}
