package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drafts edit} with fake editors: small shell scripts that change the file the way a user
 * might.
 */
class DraftsEditCommandTest {
  @TempDir Path dir;
  DraftsFixture f;
  CliRunner cli;
  long ada;
  JsonNode original;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    cli = f.cli;
    ada = f.contact("Ada Lovelace", "ada@example.org");
    f.outreach(ada);
    original = f.draft(1);
  }

  /** Writes an executable shell script; the file to edit is its last argument, "$1". */
  Path editor(String name, String script) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\nset -e\n" + script + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    return file;
  }

  CliRunner.Result editWith(Path editor, String... more) {
    cli.env("EDITOR", editor.toString());
    String[] args =
        Stream.concat(Stream.of("drafts", "edit", "1"), Stream.of(more)).toArray(String[]::new);
    return cli.run(args);
  }

  void assertUnchanged() {
    JsonNode now = f.draft(1);
    assertThat(now.get("subject")).isEqualTo(original.get("subject"));
    assertThat(now.get("body")).isEqualTo(original.get("body"));
    assertThat(now.get("to")).isEqualTo(original.get("to"));
    assertThat(f.contactJson(ada).get("events").toString()).doesNotContain("DRAFT_EDITED");
  }

  static Path keptFile(CliRunner.Result r) {
    Matcher m = Pattern.compile("Your text is kept in (\\S+\\.txt);").matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    return Path.of(m.group(1));
  }

  Path editsFolder() {
    return dir.resolve("data").resolve("edits");
  }

  @Test
  void aValidEditIsSavedAndThePreviousTextStaysOnTheTimeline() throws IOException {
    Path sed =
        editor(
            "subject.sh",
            "sed -i 's/^Subject: .*/Subject: Coffee next week?/; s/^Hi Ada,$/Dear Ada,/' \"$1\"");
    var r = editWith(sed);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Saved draft 1 (OUTREACH to ada@example.org: \"Coffee next week?\").");
    JsonNode d = f.draft(1);
    assertThat(d.get("subject").asText()).isEqualTo("Coffee next week?");
    assertThat(d.get("body").asText()).startsWith("Dear Ada,").endsWith("Sam");
    assertThat(d.get("status").asText()).isEqualTo("PENDING");
    JsonNode edited = null;
    for (JsonNode e : f.contactJson(ada).get("events"))
      if (e.get("type").asText().equals("DRAFT_EDITED")) edited = e;
    assertThat(edited).isNotNull();
    assertThat(edited.get("detail").asText())
        .contains("Subject: " + original.get("subject").asText())
        .contains(original.get("body").asText());
    try (Stream<Path> left = Files.list(editsFolder())) {
      assertThat(left).as("the temporary file is removed once saved").isEmpty();
    }
  }

  @Test
  void anEditedApprovedDraftGoesBackToPending() throws IOException {
    cli.run("drafts", "approve", "1");
    var r = editWith(editor("subject.sh", "sed -i 's/^Subject: .*/Subject: Changed/' \"$1\""));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("it is PENDING again");
    JsonNode d = f.draft(1);
    assertThat(d.get("status").asText()).isEqualTo("PENDING");
    assertThat(d.get("approvedAt").isNull()).isTrue();
  }

  @Test
  void anUnchangedFileSaysNoChanges() throws IOException {
    var r = editWith(editor("nothing.sh", "true"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip()).isEqualTo("No changes.");
    assertUnchanged();
  }

  @Test
  void aBareCarriageReturnInAHeaderIsRefusedAndTheDraftIsUnchanged() throws IOException {
    Path inject =
        editor(
            "inject.sh",
            "printf 'To: ada@example.org\\nSubject: Hi\\rBcc: eve@example.org\\n\\nPlease forward.\\n' > \"$1\"");
    var r = editWith(inject);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "Draft 1 was not changed: line 2: Subject: contains a control character (CR at position 3)");
    Path kept = keptFile(r);
    assertThat(kept).startsWith(editsFolder());
    assertThat(Files.readString(kept)).contains("Please forward.");
    assertThat(r.err()).contains("drafts edit 1 --file " + kept);
    assertUnchanged();
  }

  @Test
  void anInjectedHeaderLineIsRefusedNamingTheLine() throws IOException {
    var r = editWith(editor("bcc.sh", "sed -i '1a Bcc: eve@example.org' \"$1\""));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "Draft 1 was not changed: line 2: unknown header \"Bcc\"; only To and Subject can be edited.");
    assertUnchanged();
  }

  @Test
  void anInvalidAddressIsRefused() throws IOException {
    var r = editWith(editor("to.sh", "sed -i 's/^To: .*/To: ada@localhost/' \"$1\""));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "Draft 1 was not changed: line 1: To: \"ada@localhost\" is not a valid email address");
    assertUnchanged();
  }

  @Test
  void anEmptySubjectIsRefused() throws IOException {
    var r = editWith(editor("subject.sh", "sed -i 's/^Subject: .*/Subject:/' \"$1\""));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("line 2: Subject: the subject is empty");
    assertUnchanged();
  }

  @Test
  void anotherValidAddressIsAcceptedAndNoted() throws IOException {
    var r = editWith(editor("to.sh", "sed -i 's/^To: .*/To: ada@engines.example.net/' \"$1\""));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(f.draft(1).get("to").asText()).isEqualTo("ada@engines.example.net");
    assertThat(f.contactJson(ada).get("events").toString())
        .contains("To changed from ada@example.org to ada@engines.example.net");
  }

  @Test
  void aRefusedEditCanBeResumedFromTheKeptFile() throws IOException {
    var refused =
        editWith(
            editor(
                "typo.sh",
                "sed -i 's/^To: .*/To: ada@@example.org/; s/^Subject: .*/Subject: My careful words/' \"$1\""));
    assertThat(refused.exitCode()).isEqualTo(1);
    Path kept = keptFile(refused);
    var fixed =
        editWith(
            editor("fix.sh", "sed -i 's/^To: .*/To: ada@example.org/' \"$1\""),
            "--file",
            kept.toString());
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(f.draft(1).get("subject").asText()).isEqualTo("My careful words");
    assertThat(kept).doesNotExist();
  }

  @Test
  void anEditorThatFailsLeavesTheDraftUnchanged() throws IOException {
    var r =
        editWith(editor("fail.sh", "sed -i 's/^Subject: .*/Subject: Half done/' \"$1\"\nexit 3"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("exited with status 3").contains("Draft 1 was not changed");
    assertThat(Files.readString(keptFile(r))).contains("Subject: Half done");
    assertUnchanged();
  }

  @Test
  void theEditorVariableIsSplitOnWhitespace() throws IOException {
    Path script = editor("plain.sh", "sed -i 's/^Subject: .*/Subject: Via sh/' \"$1\"");
    assertThat(script.toFile().setExecutable(false)).isTrue();
    cli.env("EDITOR", "sh " + script);
    var r = cli.run("drafts", "edit", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(f.draft(1).get("subject").asText()).isEqualTo("Via sh");
  }

  @Test
  void visualIsUsedWhenEditorIsNotSet() throws IOException {
    cli.env(
        "VISUAL",
        editor("visual.sh", "sed -i 's/^Subject: .*/Subject: Via VISUAL/' \"$1\"").toString());
    var r = cli.run("drafts", "edit", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(f.draft(1).get("subject").asText()).isEqualTo("Via VISUAL");
  }

  @Test
  void anEditorThatCannotStartSaysSo() {
    cli.env("EDITOR", dir.resolve("no-such-editor").toString());
    var r = cli.run("drafts", "edit", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("could not be started").contains("set EDITOR");
    assertUnchanged();
  }

  @Test
  void aRejectedDraftCannotBeEditedAndNoEditorOpens() throws IOException {
    cli.run("drafts", "reject", "1");
    Path marker = dir.resolve("opened");
    var r = editWith(editor("touch.sh", "touch '" + marker + "'"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("Draft 1 is REJECTED; only PENDING or APPROVED drafts can be edited.");
    assertThat(marker).doesNotExist();
  }
}
