package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft with a {@code [[placeholder]]} still in it cannot be approved until it is replaced. */
class DraftPlaceholdersTest {
  @TempDir Path dir;
  DraftsFixture f;
  long withPlaceholder;
  long plain;

  @BeforeEach
  void setUp() throws IOException {
    f = new DraftsFixture(dir);
    Path outreach = f.templates.resolve("outreach.ftl");
    Files.writeString(
        outreach,
        Files.readString(outreach)
            .replaceFirst(
                "\n\n",
                Matcher.quoteReplacement(
                    "\n\n[[Why you are writing to ${contact.firstName} in particular]]\n\n")));
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    long bo = f.contact("Bo Chen", "bo@example.org", "--tier", "1");
    withPlaceholder = f.outreach(ada);
    plain = f.outreach(bo); // tier 1 uses outreach-tier1.ftl, which has no placeholder
  }

  @Test
  void approvingOneIsRefusedWithTheDraftAndThePlaceholderNamed() {
    var r = f.cli.run("drafts", "approve", String.valueOf(withPlaceholder));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "Draft "
                + withPlaceholder
                + " still has a placeholder for your own words: [[Why you are writing to Ada in particular]]."
                + " Replace it with 'drafts edit "
                + withPlaceholder
                + "', then approve.");
    assertThat(f.draft(withPlaceholder).get("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void approveAllLeavesItPendingAndSaysSo() {
    var r = f.cli.run("drafts", "approve", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Held draft " + withPlaceholder)
        .contains("fill it in with 'drafts edit " + withPlaceholder + "'")
        .contains("Approved 1 draft; 1 draft held.");
    assertThat(f.draft(withPlaceholder).get("status").asText()).isEqualTo("PENDING");
    assertThat(f.draft(plain).get("status").asText()).isEqualTo("APPROVED");
  }

  @Test
  void onceReplacedItIsApproved() throws IOException {
    Path editor = dir.resolve("fill.sh");
    Files.writeString(
        editor,
        "#!/bin/sh\nsed -i 's/^\\[\\[.*\\]\\]$/Your talk on compilers stayed with me./' \"$1\"\n");
    assertThat(editor.toFile().setExecutable(true)).isTrue();
    f.cli.env("EDITOR", editor.toString());
    var edit = f.cli.run("drafts", "edit", String.valueOf(withPlaceholder));
    assertThat(edit.exitCode()).as(edit.toString()).isZero();
    var r = f.cli.run("drafts", "approve", String.valueOf(withPlaceholder));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(f.draft(withPlaceholder).get("body").asText())
        .contains("Your talk on compilers stayed with me.")
        .doesNotContain("[[");
  }
}
