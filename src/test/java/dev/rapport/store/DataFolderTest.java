package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
