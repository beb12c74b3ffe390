package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.App;
import dev.rapport.config.Config.Security;
import dev.rapport.config.ConfigLoader;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailSessions;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandbox reply} against a running sandbox, and what the watcher makes of each variant. */
class SandboxReplyCommandIT {
  static final String ME = "me@rapport.test"; // me.email in sandbox mode with no config file

  @TempDir Path dir;
  DataFolder data;
  SandboxMail sandbox;
  CliRunner cli;
  long contact;

  @BeforeEach
  void setUp() throws Exception {
    data = new DataFolder(dir.resolve("data"));
    cli = new CliRunner(data.path());
    var added = cli.run("contacts", "add", "--name", "Bo Lind", "--email", "bo@corp.test");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    contact = Long.parseLong(added.out().strip());
    sandbox = new SandboxMail(new SandboxMail.Ports(freePort(), freePort()), ME, data);
    sandbox.start();
  }

  @AfterEach
  void tearDown() {
    if (sandbox != null) sandbox.stop();
  }

  private void sent(String messageId) {
    try (Database db = DatabaseOpener.open(data)) {
      Instant now = Instant.now();
      db.transaction(
          c ->
              Sql.insert(
                  c,
                  "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, message_id, created_at, updated_at, sent_at)"
                      + " VALUES (?, 'OUTREACH', 'SENT', 'bo@corp.test', 'Thirty minutes on hospital logistics?', 'Hi Bo,\nwould you have time?',"
                      + " ?, ?, ?, ?)",
                  contact,
                  messageId,
                  now,
                  now,
                  now));
      db.transaction(
          c -> Sql.update(c, "UPDATE contact SET stage = 'CONTACTED' WHERE id = ?", contact));
    }
  }

  private String onlyMessage() throws Exception {
    SandboxMail.Login login = sandbox.login();
    Endpoint e =
        new Endpoint(
            "127.0.0.1", sandbox.ports().imap(), Security.NONE, login.address(), login::password);
    try (Store store = MailSessions.imap(e).getStore("imap")) {
      store.connect(e.host(), e.port(), e.username(), e.password().get());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] all = inbox.getMessages();
      assertThat(all).hasSize(1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      all[0].writeTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** What the daemon's watcher, as the App builds it, does with the sandbox mailbox. */
  private void watcherReads() {
    SandboxMail.Login login = sandbox.login();
    Endpoint e =
        new Endpoint(
            "127.0.0.1", sandbox.ports().imap(), Security.NONE, login.address(), login::password);
    try (App app =
        new App(
            ConfigLoader.load(dir.resolve("none.yaml"), false),
            data,
            Clock.systemUTC(),
            Map.of())) {
      app.inbox(() -> e).pollOnce();
    }
  }

  private String stage() {
    try (Database db = DatabaseOpener.open(data)) {
      return db.read(
          c ->
              Sql.one(c, "SELECT stage FROM contact WHERE id = ?", rs -> rs.getString(1), contact)
                  .orElseThrow());
    }
  }

  private long events(String type) {
    try (Database db = DatabaseOpener.open(data)) {
      return db.read(
          c ->
              Sql.count(
                  c,
                  "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = ?",
                  contact,
                  type));
    }
  }

  @Test
  void aHumanReplyAnswersTheLastMessageSent() throws Exception {
    sent("<sent-1@rapport.test>");
    var r =
        cli.run(
            "sandbox",
            "reply",
            String.valueOf(contact),
            "--text",
            "Happy to help, call me Tuesday.");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Delivered a reply from Bo Lind <bo@corp.test>")
        .contains("<sent-1@rapport.test>");

    String raw = onlyMessage();
    assertThat(raw)
        .contains("In-Reply-To: <sent-1@rapport.test>")
        .contains("References: <sent-1@rapport.test>")
        .contains("Subject: Re: Thirty minutes on hospital logistics?")
        .contains("Bo Lind")
        .contains("Happy to help")
        .doesNotContain("Auto-Submitted");
    watcherReads();
    assertThat(stage()).isEqualTo("REPLIED");
  }

  @Test
  void contactsShowQuotesTheRepliesOwnWordsAndSuggestsANo() throws Exception {
    sent("<sent-4@rapport.test>");
    var r =
        cli.run(
            "sandbox",
            "reply",
            String.valueOf(contact),
            "--text",
            "Hi Ada,\n\nthanks for thinking of me. Unfortunately I don't have time this month.\n\n"
                + "-- \nBo Lind\nHead of Operations");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    watcherReads();
    assertThat(stage()).isEqualTo("REPLIED");

    var show = cli.run("contacts", "show", String.valueOf(contact));
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out())
        .contains("| Hi Ada,")
        .contains("| thanks for thinking of me. Unfortunately I don't have time this month.")
        .contains(
            "This reply looks like a no: 'Unfortunately I don't have time this month' — confirm"
                + " with: rapport contacts decline "
                + contact)
        .doesNotContain("Head of Operations") // the signature
        .doesNotContain("would you have time?"); // the quoted outreach
    var json = cli.run("contacts", "show", String.valueOf(contact), "--json");
    assertThat(json.out())
        .contains("\"excerpt\" : \"Hi Ada,\\n\\nthanks for thinking of me.")
        .contains("\"declinePhrase\" : \"Unfortunately I don't have time this month\"");

    // confirmed: the suggestion is gone, the words stay
    assertThat(cli.run("contacts", "decline", String.valueOf(contact)).exitCode()).isZero();
    assertThat(cli.run("contacts", "show", String.valueOf(contact)).out())
        .contains("| thanks for thinking of me.")
        .doesNotContain("looks like a no");
  }

  @Test
  void aYesIsNotSuggestedAsANo() throws Exception {
    sent("<sent-5@rapport.test>");
    cli.run("sandbox", "reply", String.valueOf(contact), "--text", "No problem, happy to talk!");
    watcherReads();
    assertThat(cli.run("contacts", "show", String.valueOf(contact)).out())
        .contains("| No problem, happy to talk!")
        .doesNotContain("looks like a no");
  }

  @Test
  void anAutoReplyCarriesAReturnDateTenDaysAhead() throws Exception {
    sent("<sent-2@rapport.test>");
    var r = cli.run("sandbox", "reply", String.valueOf(contact), "--auto");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(onlyMessage())
        .contains("Auto-Submitted: auto-replied")
        .contains("Subject: Automatic reply: ");
    watcherReads();
    assertThat(stage()).isEqualTo("CONTACTED");
    assertThat(events("AUTO_REPLY")).isEqualTo(1);
    try (Database db = DatabaseOpener.open(data)) {
      LocalDate hold =
          db.read(
              c ->
                  Sql.one(
                          c,
                          "SELECT nudge_not_before FROM contact WHERE id = ?",
                          rs -> rs.getObject(1, LocalDate.class),
                          contact)
                      .orElse(null));
      assertThat(hold).isEqualTo(LocalDate.now().plusDays(10));
    }
  }

  @Test
  void aBounceIsADeliveryStatusNotificationThatMarksTheContactBounced() throws Exception {
    sent("<sent-3@rapport.test>");
    var r = cli.run("sandbox", "reply", String.valueOf(contact), "--bounce");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(onlyMessage())
        .contains("multipart/report; report-type=delivery-status")
        .contains("message/delivery-status")
        .contains("Status: 5.1.1")
        .contains("text/rfc822-headers")
        .contains("Message-ID: <sent-3@rapport.test>")
        .contains("MAILER-DAEMON");
    watcherReads();
    assertThat(stage()).isEqualTo("BOUNCED");

    // the address corrected: back to NEW in one step, and a first note can be drafted again
    var reset =
        cli.run(
            "contacts", "edit", String.valueOf(contact), "--email", "bo.lind@corp.test", "--reset");
    assertThat(reset.exitCode()).as(reset.toString()).isZero();
    assertThat(stage()).isEqualTo("NEW");
    var outreach = cli.run("outreach", String.valueOf(contact));
    assertThat(outreach.exitCode()).as(outreach.toString()).isZero();
  }

  @Test
  void saysSoWhenNothingWasSentYet() {
    var r = cli.run("sandbox", "reply", String.valueOf(contact));
    assertThat(r.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(r.err()).contains("Nothing has been sent to contact " + contact);
  }

  @Test
  void refusesWithARealAccountConfigured() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, ConfigYaml.ACCOUNT);
    var r = new CliRunner(data.path(), config).run("sandbox", "reply", String.valueOf(contact));
    assertThat(r.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(r.err()).contains("only in sandbox mode").contains("real mail account");
  }

  @Test
  void saysSoWhenTheSandboxIsNotRunning() {
    sent("<sent-4@rapport.test>");
    sandbox.stop();
    sandbox = null;
    var r = cli.run("sandbox", "reply", String.valueOf(contact));
    assertThat(r.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(r.err()).contains("not running");
  }

  private static int freePort() throws Exception {
    return dev.rapport.testing.FreePorts.next();
  }
}
