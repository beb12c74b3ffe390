package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drafts edit} while the user works on in another terminal: the fake editor runs another
 * rapport process on the same data folder before it saves, as a user would while the editor is
 * open. With no daemon, the edit must not hold the database file meanwhile.
 */
class DraftsEditConcurrencyIT {
  @TempDir Path dir;
  DraftsFixture f;
  JsonNode original;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    f.outreach(ada);
    original = f.draft(1);
  }

  /**
   * An editor that first runs {@code rapport ARGS} in a second JVM (its exit code, output and
   * errors in files named after {@code name}), then changes the subject.
   */
  Path editorRunning(String name, String args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path script = dir.resolve(name + ".sh");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "cd '"
            + dir
            + "'\n"
            + "'"
            + java
            + "' -XX:TieredStopAtLevel=1 -cp '"
            + System.getProperty("java.class.path")
            + "' dev.rapport.Main --data '"
            + dir.resolve("data")
            + "' --config '"
            + dir.resolve("rapport.yaml")
            + "' "
            + args
            + " > "
            + name
            + ".out 2> "
            + name
            + ".err\n"
            + "echo $? > "
            + name
            + ".code\n"
            + "sed -i 's/^Subject: .*/Subject: Written while the other command ran/' \"$1\"\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    f.cli.env("EDITOR", script.toString());
    return script;
  }

  String other(String name, String what) throws IOException {
    return Files.readString(dir.resolve(name + "." + what)).strip();
  }

  @Test
  void anotherCommandRunsWhileTheEditorIsOpen() throws IOException {
    editorRunning("list", "drafts list");

    var edit = f.cli.run("drafts", "edit", "1");

    assertThat(other("list", "code")).as(other("list", "err")).isEqualTo("0");
    assertThat(other("list", "out")).contains("ada@example.org");
    assertThat(edit.exitCode()).as(edit.toString()).isZero();
    assertThat(f.draft(1).get("subject").asText()).isEqualTo("Written while the other command ran");
  }

  @Test
  void aDraftApprovedWhileTheEditorIsOpenIsNotOverwritten() throws IOException {
    editorRunning("approve", "drafts approve 1");

    var edit = f.cli.run("drafts", "edit", "1");

    assertThat(other("approve", "code")).as(other("approve", "err")).isEqualTo("0");
    assertThat(edit.exitCode()).isEqualTo(1);
    assertThat(edit.err())
        .contains("Draft 1 changed while you were editing it (it is now APPROVED)")
        .contains("your edit was not saved");
    JsonNode now = f.draft(1);
    assertThat(now.get("status").asText()).isEqualTo("APPROVED");
    assertThat(now.get("subject")).isEqualTo(original.get("subject"));
    Path kept = DraftsEditCommandTest.keptFile(edit);
    assertThat(kept).startsWith(dir.resolve("data").resolve("edits"));
    assertThat(Files.readString(kept)).contains("Subject: Written while the other command ran");
  }
}
