package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
  @TempDir Path dir;

  @Test
  void announcementCarriesPortAndThisProcess() {
    DataFolder folder = new DataFolder(dir);
    folder.announce(4242);
    assertThat(folder.announcement())
        .contains(new DataFolder.Announcement(4242, ProcessHandle.current().pid()));
    assertThat(folder.announcement().orElseThrow().processAlive()).isTrue();
  }

  @Test
  void anAnnouncementByAProcessThatEndedIsStale() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.writeString(dir.resolve("db.server"), "port=4242\npid=" + ended.pid() + "\n");
    assertThat(new DataFolder(dir).announcement().orElseThrow().processAlive()).isFalse();
  }

  @Test
  void unreadableAnnouncementIsIgnored() throws Exception {
    Files.writeString(dir.resolve("db.server"), "port=\n");
    assertThat(new DataFolder(dir).announcement()).isEmpty();
  }

  @Test
  void withdrawLeavesAnotherDaemonsAnnouncement() throws Exception {
    DataFolder folder = new DataFolder(dir);
    Files.writeString(dir.resolve("db.server"), "port=4242\npid=1\n");
    folder.withdraw(4242);
    assertThat(dir.resolve("db.server")).exists();
    folder.announce(4343);
    folder.withdraw(4343);
    assertThat(dir.resolve("db.server")).doesNotExist();
  }

  @Test
  void theDatabaseAndItsPasswordAreForTheOwnerOnly() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    DatabaseOpener.open(folder).close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.path().resolve("db.secret"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.databaseFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void aLooserFolderAndItsPrivateFilesAreTightenedAtStartAndReported() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path data = dir.resolve("data");
    DatabaseOpener.open(new DataFolder(data)).close();
    Path edits = Files.createDirectories(data.resolve("edits"));
    Path kept = Files.writeString(edits.resolve("draft-1-123.txt"), "my careful words");
    Path log = Files.writeString(data.resolve("rapport.log"), "");
    Path trace = Files.writeString(data.resolve("rapport.trace.db"), "");
    Path other = Files.writeString(data.resolve("notes-of-mine.txt"), "");
    for (Path p : List.of(data, edits)) chmod(p, "rwxr-xr-x");
    for (Path p : List.of(data.resolve("db.secret"), kept, log, trace, other))
      chmod(p, "rw-r--r--");
    chmod(data.resolve("rapport.mv.db"), "rw-rw----");

    DataFolder folder = new DataFolder(data);
    DatabaseOpener.open(folder).close();

    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(edits)).isEqualTo("rwx------");
    for (Path p :
        List.of(data.resolve("db.secret"), kept, log, trace, data.resolve("rapport.mv.db")))
      assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
    assertThat(mode(other)).as("not rapport's: left alone").isEqualTo("rw-r--r--");
    assertThat(folder.tightened())
        .contains(
            "data folder " + data + " was readable by others (0755); tightened to 0700",
            "db.secret was readable by others (0644); tightened to 0600",
            "edits was readable by others (0755); tightened to 0700",
            "edits/draft-1-123.txt was readable by others (0644); tightened to 0600",
            "rapport.log was readable by others (0644); tightened to 0600",
            "rapport.mv.db was readable by others (0660); tightened to 0600");
    assertThat(new DataFolder(data).tightened()).as("nothing to report next time").isEmpty();
  }

  @Test
  void secretsAndH2sTraceAreOwnerOnlyFromTheStart() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    DataFolder folder = new DataFolder(dir.resolve("data"));
    String sandbox = folder.sandboxSecret();
    assertThat(mode(folder.path().resolve("sandbox.secret"))).isEqualTo("rw-------");
    assertThat(sandbox).hasSize(48).isEqualTo(new DataFolder(folder.path()).sandboxSecret());
    DatabaseOpener.open(folder).close();
    assertThat(mode(folder.traceFile())).isEqualTo("rw-------");
    assertThat(folder.tightened()).isEmpty();
    try (var left = Files.list(folder.path())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void h2sTraceIsMovedAsideWhenTheDatabaseOpensPastOneMegabyte() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    DatabaseOpener.open(folder).close();
    Path trace = folder.traceFile();
    Path old = trace.resolveSibling("rapport.trace.db.old");
    Files.writeString(old, "the trace before last\n");
    String kept = "a".repeat((int) DataFolder.TRACE_KEPT_BYTES);
    Files.writeString(trace, kept);

    DatabaseOpener.open(folder).close();
    assertThat(Files.readString(trace)).as("at the limit: kept").isEqualTo(kept);
    assertThat(Files.readString(old)).isEqualTo("the trace before last\n");

    Files.writeString(trace, kept + "b");
    DatabaseOpener.open(folder).close();
    assertThat(Files.readString(old))
        .as("past it: moved, over the older one")
        .isEqualTo(kept + "b");
    assertThat(Files.size(trace)).as("a new trace").isLessThan(DataFolder.TRACE_KEPT_BYTES);
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(mode(trace)).isEqualTo("rw-------");
      assertThat(mode(old)).isEqualTo("rw-------");
    }
  }

  @Test
  void aSymbolicLinkPlantedAsASecretDoesNotMakeRapportChangeItsTarget() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Path outside = Files.writeString(dir.resolve("shared.txt"), "not rapport's\n");
    chmod(outside, "rw-r--r--");
    Files.createSymbolicLink(data.resolve("dashboard.secret"), outside);
    new DataFolder(data).create();
    assertThat(mode(outside)).isEqualTo("rw-r--r--");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void chmod(Path p, String perms) throws Exception {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }
}
