package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import dev.rapport.terminal.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that would steer a terminal — from a contact's name, a note, an inbound subject and reply,
 * an imported CSV field and interview notes in YAML — is stored as received and printed by every
 * command with its steering characters spelled out ({@link TerminalText}).
 */
class HostileTextTest {
  /** Each one a way to take over a terminal or hide what the text says. */
  static final Map<String, String> SEQUENCES =
      Map.ofEntries(
          Map.entry("OSC retitle", "\u001b]0;pwned\u0007"),
          Map.entry("clear screen", "\u001b[2J"),
          Map.entry("CSI colour", "\u001b[31;1m"),
          Map.entry("CSI cursor home", "\u001b[H"),
          Map.entry("8-bit CSI", "\u009b2J"),
          Map.entry("C1 NEL", "\u0085"),
          Map.entry("right-to-left override", "\u202e"),
          Map.entry("bidi isolate", "\u2066"),
          Map.entry("zero-width space", "\u200b"),
          Map.entry("word joiner", "\u2060"),
          Map.entry("byte-order mark", "\ufeff"),
          Map.entry("carriage return", "\r"),
          Map.entry("backspace", "\b"),
          Map.entry("DEL", "\u007f"));

  static final String HOSTILE = "Eve" + String.join("x", SEQUENCES.values()) + "End";

  /** What a name may hold: header text refuses C0 and C1 controls, but not bidi or zero-width. */
  static final String SLY = "Eve\u202eevil\u2066x\u200bx\u2060x\ufeffEnd";

  @TempDir Path dir;
  DraftsFixture f;
  CliRunner cli;
  long eve;
  int stored;
  int refused;

  @BeforeEach
  void setUp() throws Exception {
    f = new DraftsFixture(dir);
    cli = f.cli;
    refusedCleanly("contacts", "add", "--name", HOSTILE, "--email", "eve@corp.test");
    refusedCleanly(
        "contacts", "add", "--name", "Eve", "--email", "e@corp.test", "--company", HOSTILE);
    eve = f.contact(SLY, "eve@corp.test", "--company", SLY, "--role", SLY);
    stored += 3;
    storedOrRefused("contacts", "note", String.valueOf(eve), "research " + HOSTILE);

    Path csv = dir.resolve("people.csv");
    Files.writeString(
        csv,
        "name,email,company,role,note\n"
            + row("Mal " + HOSTILE, "mal@corp.test", "Co", "Role", "n")
            + row("Sly " + SLY, "sly@corp.test", SLY, SLY, "note " + HOSTILE));
    var imported = ok("contacts", "import", csv.toString());
    assertThat(imported.out()).contains("Imported 1").containsPattern("line 2.*control character");
    refused += 1;
    stored += 4;

    ok("outreach", String.valueOf(eve)); // its body greets Eve by her name
    stored += 1;
    inbound();
    stored += 3;

    storedOrRefused(
        "interviews",
        "schedule",
        "--force",
        "--no-confirm",
        String.valueOf(eve),
        "--at",
        "2026-12-01T10:00Z",
        "--where",
        HOSTILE);
    Path notes = dir.resolve("notes.yaml");
    String yaml = yamlEscaped(HOSTILE);
    Files.writeString(
        notes,
        "answers:\n  1: \""
            + yaml
            + "\"\nnotes: \""
            + yaml
            + "\"\nhighlight: \""
            + yaml
            + "\"\nreflection: {resonated: \""
            + yaml
            + "\"}\n");
    ok("interviews", "notes", String.valueOf(eve), "--file", notes.toString());
    stored += 4;
  }

  private static String row(String... values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) quoted.add("\"" + v.replace("\"", "\"\"") + "\"");
    return String.join(",", quoted) + "\n";
  }

  /** A command that must either take the text or refuse it in a sentence that names why. */
  private void storedOrRefused(String... args) {
    var r = cli.run(args);
    if (r.exitCode() == 0) stored++;
    else refusedCleanly(r);
    assertClean(String.join(" ", args), r.out() + r.err());
  }

  private void refusedCleanly(String... args) {
    refusedCleanly(cli.run(args));
  }

  private void refusedCleanly(CliRunner.Result r) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).contains("control character");
    assertThat(r.err().strip().lines()).as(r.toString()).hasSizeLessThanOrEqualTo(2);
    assertClean("error", r.err());
    refused++;
  }

  /** What the inbox watcher stores for a reply: its subject and excerpt verbatim. */
  private void inbound() {
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      ContactService contacts = new ContactService(db, Clock.systemUTC());
      db.transaction(
          c -> {
            contacts.record(
                c,
                eve,
                EventType.REPLY_RECEIVED,
                "Reply \"" + HOSTILE + "\" from eve@corp.test",
                "matched by in-reply-to; Message-ID <" + HOSTILE + "@corp.test>",
                new Link("message", 1L));
            Sql.update(
                c,
                "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, created_at, updated_at)"
                    + " VALUES (?, 'THANK_YOU', 'PENDING', 'eve@corp.test', ?, ?, ?, ?)",
                eve,
                "Re: " + HOSTILE,
                "> " + HOSTILE + "\nThanks!",
                Instant.now(),
                Instant.now());
            return null;
          });
    }
  }

  /** YAML's double-quoted escapes, so the file itself holds only printable text. */
  private static String yamlEscaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray())
      b.append(
          c < 0x20 || (c >= 0x7f && c <= 0x9f) || c > 0x2000
              ? String.format("\\u%04x", (int) c)
              : c);
    return b.toString();
  }

  private CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertClean(String.join(" ", args), r.out() + r.err());
    return r;
  }

  /** No character a terminal would act on, other than newline and tab. */
  static void assertClean(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean steering =
          (c < 0x20 && c != '\n' && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || (c >= 0x200b && c <= 0x200f)
              || c == 0x2060
              || c == 0xfeff;
      assertThat(steering)
          .as("%s printed U+%04X raw at %d: %s", what, (int) c, i, visible(text, i))
          .isFalse();
    }
  }

  private static String visible(String text, int at) {
    String around = text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30));
    return TerminalText.shown(around);
  }

  @Test
  void everyPrintPathSpellsSteeringCharactersOut() {
    String id = String.valueOf(eve);
    List<List<String>> commands =
        List.of(
            List.of("contacts", "show", id),
            List.of("contacts", "show", id, "-v"),
            List.of("contacts", "list"),
            List.of("contacts", "show", "2"),
            List.of("drafts", "list"),
            List.of("drafts", "show", "1"),
            List.of("drafts", "show", "2"),
            List.of("interviews", "show", id),
            List.of("interviews", "list"),
            List.of("interviews", "compare"),
            List.of("next"),
            List.of("stats"));
    for (List<String> command : commands) {
      var r = ok(command.toArray(String[]::new));
      assertClean(String.join(" ", command), r.out());
    }
    String shown = ok("contacts", "show", id).out();
    assertThat(shown)
        .contains("Eve<U+202E>evil<U+2066>x<U+200B>x<U+2060>x<U+FEFF>End")
        .contains("<U+001B>]0;pwned<U+0007>")
        .contains("<U+009B>2J");
  }

  @Test
  void jsonEscapesThemAndReadsBackAsStored() {
    String id = String.valueOf(eve);
    List<Function<CliRunner, CliRunner.Result>> runs =
        List.of(
            c -> c.run("contacts", "show", id, "--json"),
            c -> c.run("contacts", "list", "--json"),
            c -> c.run("drafts", "show", "2", "--json"),
            c -> c.run("drafts", "list", "--json"),
            c -> c.run("interviews", "show", id, "--json"));
    for (var run : runs) {
      var r = run.apply(cli);
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertClean("json", r.out());
    }
    JsonNode contact = DraftsFixture.json(cli.run("contacts", "show", id, "--json"));
    assertThat(contact.get("name").asText()).isEqualTo(SLY);
    assertThat(contact.get("events").toString()).contains("\\u001B]0;pwned\\u0007");
    JsonNode draft = DraftsFixture.json(cli.run("drafts", "show", "2", "--json"));
    assertThat(draft.get("subject").asText()).isEqualTo("Re: " + HOSTILE);
  }

  @Test
  void theDatabaseKeepsTheTextAsReceived() {
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      db.read(
          c -> {
            assertThat(
                    Sql.one(c, "SELECT name FROM contact WHERE id = ?", rs -> rs.getString(1), eve))
                .contains(SLY);
            assertThat(
                    Sql.one(
                        c,
                        "SELECT company FROM contact WHERE email_key = 'sly@corp.test'",
                        rs -> rs.getString(1)))
                .contains(SLY);
            assertThat(
                    Sql.count(
                        c,
                        "SELECT COUNT(*) FROM event WHERE contact_id = ? AND detail LIKE ?",
                        eve,
                        "%" + HOSTILE + "%"))
                .isGreaterThanOrEqualTo(2);
            assertThat(
                    Sql.count(c, "SELECT COUNT(*) FROM interview_answer WHERE text = ?", HOSTILE))
                .isEqualTo(1);
            return null;
          });
    }
    System.out.printf(
        "hostile text: %d sequences; %d entry points stored them and print them spelled out,"
            + " %d refused them with a clear error%n",
        SEQUENCES.size(), stored, refused);
  }
}
