package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.App;
import dev.rapport.cli.CliRunner;
import dev.rapport.config.ConfigLoader;
import dev.rapport.draft.DraftKind;
import dev.rapport.store.DataFolder;
import dev.rapport.template.DefaultTemplates;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What you review is what is sent: for every kind of draft and both ways of editing one ({@code
 * drafts edit} in $EDITOR, and the review page's form), the message read back over IMAP from the
 * recipient's mailbox has exactly the Subject, To, In-Reply-To, References and body that {@code
 * drafts show --json} showed when it was approved.
 */
class ReviewedIsSentIT {
  static final String ME = "sam@example.org";
  static final String PASSWORD = "pw";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, BERLIN);
  static final List<DraftKind> REPLIES =
      List.of(
          DraftKind.FOLLOW_UP,
          DraftKind.THANK_YOU,
          DraftKind.KEEP_IN_TOUCH,
          DraftKind.REFERRAL_NUDGE);

  /** An editor's first step: the user's own words where a template left a [[placeholder]]. */
  static final String OWN_WORDS =
      "perl -0pi -e 's/\\[\\[.*?\\]\\]/I started a new course/gs' \"$1\"\n";

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, PASSWORD))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  CliRunner cli;
  App app;
  Dashboard dashboard;
  DashboardClient browser;

  @BeforeEach
  void start() throws Exception {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        """
        me: {name: Sam Rivera, email: %s, signature: Sam}
        smtp: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW}
        imap: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW, idle: false}
        pacing: {timezone: Europe/Berlin}
        digest: {enabled: false}
        templates: "%s"
        """
            .formatted(ME, mail.getSmtp().getPort(), ME, mail.getImap().getPort(), ME, templates));
    Clock monday = Clock.fixed(MONDAY.toInstant(), BERLIN);
    cli = new CliRunner(dir.resolve("data"), config).env("PW", PASSWORD).clock(monday);
    DataFolder data = new DataFolder(dir.resolve("data"));
    data.create();
    app = new App(ConfigLoader.load(config, true), data, monday, Map.of("PW", PASSWORD));
    dashboard = new Dashboard(app, 0, Optional::empty);
    dashboard.start();
    browser = new DashboardClient(dashboard);
  }

  @AfterEach
  void stop() {
    dashboard.stop();
    app.close();
  }

  @Test
  void editedInTheEditorEveryKindGoesOutAsShown() throws Exception {
    long grace = contact("Grace Hopper", "grace@example.com");
    // A subject with stacked reply prefixes: the replies after it carry exactly one "Re:".
    Path editor =
        script(
            "editor.sh",
            OWN_WORDS
                + "sed -i -e 's/^Subject: .*/Subject: AW: Re: Coffee in Berlin?/' \"$1\"\n"
                + "printf '\\nP.S. Edited in my editor.\\n' >> \"$1\"");
    cli.env("EDITOR", editor.toString());
    List<Sent> sent = new ArrayList<>();
    sent.add(reviewEditAndSend(grace, outreach(grace), this::editInTheEditor));
    editor =
        script(
            "body-only.sh",
            OWN_WORDS + "printf '\\nP.S. Only the body changed, in my editor.\\n' >> \"$1\"");
    cli.env("EDITOR", editor.toString());
    for (DraftKind kind : REPLIES)
      sent.add(reviewEditAndSend(grace, drafted(grace, kind), this::editInTheEditor));

    assertThat(sent.get(0).shown.get("subject").asText()).isEqualTo("AW: Re: Coffee in Berlin?");
    for (Sent s : sent.subList(1, sent.size()))
      assertThat(s.shown.get("subject").asText())
          .as("a reply's subject has one prefix, never a stack")
          .isEqualTo("Re: Coffee in Berlin?");
    assertThreadChained(sent);
  }

  @Test
  void editedOnTheReviewPageEveryKindGoesOutAsShown() throws Exception {
    long ada = contact("Ada Lovelace", "ada@example.com");
    List<Sent> sent = new ArrayList<>();
    sent.add(reviewEditAndSend(ada, outreach(ada), id -> editOnTheReviewPage(id, "Hello Ada")));
    for (DraftKind kind : REPLIES)
      sent.add(
          reviewEditAndSend(
              ada, drafted(ada, kind), id -> editOnTheReviewPage(id, "My own words: " + kind)));

    for (int i = 1; i < sent.size(); i++)
      assertThat(sent.get(i).shown.get("subject").asText())
          .as("a subject the user edits is sent as edited")
          .isEqualTo("My own words: " + REPLIES.get(i - 1));
    assertThreadChained(sent);
  }

  /** A draft as shown when it was approved, and the message that arrived. */
  record Sent(JsonNode shown, Message arrived) {}

  interface Edit {
    void of(long draftId) throws Exception;
  }

  private Sent reviewEditAndSend(long contactId, long draftId, Edit edit) throws Exception {
    edit.of(draftId);
    ok("drafts", "approve", String.valueOf(draftId));
    JsonNode shown = new ObjectMapper().readTree(ok("drafts", "show", "--json", "" + draftId));
    assertThat(shown.get("status").asText()).isEqualTo("APPROVED");
    int before = inbox(shown.get("to").asText()).size();
    ok("sync");
    List<Message> arrived = inbox(shown.get("to").asText());
    assertThat(arrived).as("one more message for " + contactId).hasSize(before + 1);
    Message m = arrived.get(arrived.size() - 1);

    assertThat(m.getSubject()).isEqualTo(shown.get("subject").asText());
    assertThat(header(m, "Subject")).isEqualTo(shownHeader(shown, "Subject"));
    assertThat(header(m, "To")).isEqualTo(shownHeader(shown, "To"));
    assertThat(header(m, "From")).isEqualTo(shownHeader(shown, "From"));
    assertThat(header(m, "In-Reply-To")).isEqualTo(shownHeader(shown, "In-Reply-To"));
    assertThat(header(m, "References")).isEqualTo(shownHeader(shown, "References"));
    assertThat(nullable(shown.get("inReplyTo"))).isEqualTo(header(m, "In-Reply-To"));
    assertThat(((String) m.getContent()).replace("\r\n", "\n").stripTrailing())
        .isEqualTo(shown.get("body").asText().stripTrailing());
    JsonNode after = new ObjectMapper().readTree(ok("drafts", "show", "--json", "" + draftId));
    assertThat(after.get("status").asText()).isEqualTo("SENT");
    assertThat(header(m, "Message-ID")).isEqualTo(after.get("messageId").asText());
    return new Sent(shown, m);
  }

  /** Each reply answers the message before it, and its References carry the whole thread. */
  private static void assertThreadChained(List<Sent> sent) throws Exception {
    assertThat(header(sent.get(0).arrived, "In-Reply-To")).isNull();
    List<String> thread = new ArrayList<>();
    for (int i = 1; i < sent.size(); i++) {
      thread.add(header(sent.get(i - 1).arrived, "Message-ID"));
      assertThat(header(sent.get(i).arrived, "In-Reply-To"))
          .isEqualTo(header(sent.get(i - 1).arrived, "Message-ID"));
      assertThat(header(sent.get(i).arrived, "References")).isEqualTo(String.join(" ", thread));
    }
  }

  private void editInTheEditor(long draftId) {
    ok("drafts", "edit", String.valueOf(draftId));
  }

  private void editOnTheReviewPage(long draftId, String subject) throws Exception {
    JsonNode d = new ObjectMapper().readTree(ok("drafts", "show", "--json", "" + draftId));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("version", app.drafts().get(draftId).updatedAt().toString());
    form.put("subject", subject);
    String body = d.get("body").asText().replaceAll("(?s)\\[\\[.*?]]", "I started a new course");
    form.put("body", body.replace("\n", "\r\n") + "\r\n\r\nP.S. From the page.");
    var r = browser.post("/drafts/" + draftId + "/edit", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
  }

  private long contact(String name, String email) {
    mail.setUser(email, email, email); // the recipient's mailbox, read back over IMAP
    String out = ok("contacts", "add", "--name", name, "--email", email, "--company", "Navy");
    return Long.parseLong(out.strip().replaceAll("\\D+", ""));
  }

  private long outreach(long contactId) {
    ok("outreach", String.valueOf(contactId));
    return app.drafts().list(Optional.empty()).stream()
        .filter(d -> d.contactId() == contactId && d.kind() == DraftKind.OUTREACH)
        .reduce((a, b) -> b)
        .orElseThrow()
        .id();
  }

  /** A draft of {@code kind} as the scheduler makes it. */
  private long drafted(long contactId, DraftKind kind) {
    return app.database()
        .transaction(c -> app.drafts().scheduled(c, contactId, kind, "test: " + kind).id());
  }

  private String ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out();
  }

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\nset -e\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    return file;
  }

  /**
   * The recipient's INBOX, read over IMAP as that user (GreenMail made the account on delivery).
   */
  private static List<Message> inbox(String address) throws Exception {
    Properties p = new Properties();
    p.put("mail.imap.connectiontimeout", "10000");
    p.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), address, address);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<Message> all = new ArrayList<>();
      for (Message m : inbox.getMessages()) {
        jakarta.mail.internet.MimeMessage copy =
            new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) m);
        all.add(copy);
      }
      inbox.close(false);
      return all;
    } finally {
      store.close();
    }
  }

  private static String header(Message m, String name) throws Exception {
    String[] values = m.getHeader(name);
    if (values == null) return null;
    return MimeUtility.decodeText(MimeUtility.unfold(values[0])).replaceAll("\\s+", " ").strip();
  }

  private static String shownHeader(JsonNode draft, String name) {
    for (JsonNode h : draft.get("headers"))
      if (h.get("name").asText().equals(name))
        return h.get("value").asText().replaceAll("\\s+", " ").strip();
    return null;
  }

  private static String nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
