package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only files and folders, read back with their POSIX permissions right after each call. */
class PrivateFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  static void chmod(Path p, String perms) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  List<String> names() throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewFileIsOwnerOnlyFromTheCallThatCreatesIt() throws IOException {
    Path log = dir.resolve("rapport.log");
    assertThat(PrivateFiles.file(log)).isEmpty();
    assertThat(mode(log)).isEqualTo("rw-------");
  }

  @Test
  void anExistingLooserFileIsTightenedAndKeepsItsContent() throws IOException {
    Path log = Files.writeString(dir.resolve("rapport.log"), "earlier lines\n");
    chmod(log, "rw-r--r--");
    assertThat(PrivateFiles.file(log)).contains("0644");
    assertThat(mode(log)).isEqualTo("rw-------");
    assertThat(Files.readString(log)).isEqualTo("earlier lines\n");
  }

  @Test
  void aNewFolderIs0700AndALooserOneIsTightened() throws IOException {
    Path made = dir.resolve("a").resolve("data");
    assertThat(PrivateFiles.folder(made)).isEmpty();
    assertThat(mode(made)).isEqualTo("rwx------");
    chmod(made, "rwxr-xr-x");
    assertThat(PrivateFiles.folder(made)).contains("0755");
    assertThat(mode(made)).isEqualTo("rwx------");
    assertThat(PrivateFiles.folder(made)).as("already private: nothing to report").isEmpty();
  }

  @Test
  void aTemporaryFileIsOwnerOnlyFromTheCallThatCreatesIt() throws IOException {
    Path file = PrivateFiles.newTempFile(dir, "draft-1-", ".txt");
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void writeReplacesALooserFileWithAnOwnerOnlyOneAndLeavesNoTemporaryFile() throws IOException {
    Path server = Files.writeString(dir.resolve("db.server"), "port=1\n");
    chmod(server, "rw-rw-rw-");
    PrivateFiles.write(server, "port=2\n");
    assertThat(mode(server)).isEqualTo("rw-------");
    assertThat(Files.readString(server)).isEqualTo("port=2\n");
    assertThat(names()).containsExactly("db.server");
  }

  @Test
  void createMakesTheFileWithItsContentOwnerOnly() throws IOException {
    Path secret = dir.resolve("db.secret");
    assertThat(PrivateFiles.create(secret, "abc\n")).isTrue();
    assertThat(mode(secret)).isEqualTo("rw-------");
    assertThat(Files.readString(secret)).isEqualTo("abc\n");
    assertThat(names()).containsExactly("db.secret");
  }

  @Test
  void createNeverReplacesAFileThatIsAlreadyThere() throws IOException {
    Path secret = Files.writeString(dir.resolve("db.secret"), "first\n");
    assertThat(PrivateFiles.create(secret, "second\n")).isFalse();
    assertThat(Files.readString(secret)).isEqualTo("first\n");
    assertThat(names()).containsExactly("db.secret");
  }

  @Test
  void tighteningDoesNotFollowASymbolicLinkOutOfTheFolder() throws IOException {
    Path outside = Files.writeString(dir.resolve("someone-elses.txt"), "x");
    chmod(outside, "rw-r--r--");
    Path link = Files.createSymbolicLink(dir.resolve("db.secret"), outside);
    assertThat(PrivateFiles.tighten(link)).isEmpty();
    assertThat(mode(outside)).isEqualTo("rw-r--r--");
  }

  @Test
  void modesAreWrittenAsOctal() {
    assertThat(PrivateFiles.mode(PosixFilePermissions.fromString("rwxr-x---"))).isEqualTo("0750");
    assertThat(PrivateFiles.mode(PosixFilePermissions.fromString("rw-------"))).isEqualTo("0600");
    assertThat(PrivateFiles.mode(PosixFilePermissions.fromString("-------w-"))).isEqualTo("0002");
  }
}
