package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's side and a command's side of sharing, in one process; DaemonIT does it across
 * processes.
 */
class DatabaseSharingIT {
  @TempDir Path dir;

  @Test
  void aCommandUsesTheAnnouncedServerAndSeesTheOwnersData() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    try (Database owned = DatabaseOpener.openOwned(folder);
        DatabaseServer server = DatabaseServer.start(folder);
        Database command = DatabaseOpener.open(folder)) {
      assertThat(command.description())
          .isEqualTo("shared by the running daemon on 127.0.0.1:" + server.port());
      owned.transaction(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO hypothesis (text, created_at) VALUES ('by the owner', CURRENT_TIMESTAMP)"));
      command.transaction(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO hypothesis (text, created_at) VALUES ('by a command', CURRENT_TIMESTAMP)"));
      assertThat(count(owned, "SELECT COUNT(*) FROM hypothesis")).isEqualTo(2);
      assertThat(count(command, "SELECT COUNT(*) FROM hypothesis")).isEqualTo(2);
    }
    assertThat(folder.serverFile()).doesNotExist();
  }

  @Test
  @SuppressWarnings("try") // the owner and the server only need to be open
  void theServerServesTheOneDatabaseAndOnlyWithItsPassword() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    Path other = dir.resolve("other");
    DriverManager.getConnection("jdbc:h2:file:" + other + "/x", "sa", "").close();
    try (Database owned = DatabaseOpener.openOwned(folder);
        DatabaseServer server = DatabaseServer.start(folder)) {
      String base = "jdbc:h2:tcp://127.0.0.1:" + server.port() + "/";
      String secret = folder.secret();
      DriverManager.getConnection(base + "rapport", "rapport", secret).close();
      assertThatThrownBy(
              () -> DriverManager.getConnection(base + "rapport", "rapport", "guess").close())
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
      for (String elsewhere :
          List.of(folder.databasePath(), other + "/x", "mem:scratch", "./anything")) {
        assertThatThrownBy(() -> DriverManager.getConnection(base + elsewhere, "sa", "").close())
            .as(elsewhere)
            .isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  @SuppressWarnings("try")
  void aSecondDaemonIsRefusedWithoutWaiting() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    try (Database owned = DatabaseOpener.openOwned(folder);
        DatabaseServer server = DatabaseServer.start(folder)) {
      assertThatThrownBy(() -> DatabaseOpener.openOwned(folder))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(
              "Another rapport daemon (process "
                  + ProcessHandle.current().pid()
                  + ") already runs");
    }
  }

  @Test
  void aStaleAnnouncementFallsBackToTheFile() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    DatabaseOpener.open(folder).close();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    // This process is alive, but nothing listens on the port any more.
    Files.writeString(
        folder.serverFile(),
        "port=" + closedPort + "\npid=" + ProcessHandle.current().pid() + "\n");
    try (Database db = DatabaseOpener.open(folder)) {
      assertThat(db.description()).startsWith("embedded file");
    }
  }

  @Test
  @Timeout(30)
  void somethingElseSilentOnTheAnnouncedPortDoesNotHangACommand() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    DatabaseOpener.open(folder).close();
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) accepted.add(silent.accept());
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Files.writeString(
          folder.serverFile(),
          "port=" + silent.getLocalPort() + "\npid=" + ProcessHandle.current().pid() + "\n");
      try (Database db = DatabaseOpener.open(folder)) {
        assertThat(db.description()).startsWith("embedded file");
      }
      assertThat(accepted).as("the command did try the port").isNotEmpty();
    }
  }

  private static long count(Database db, String sql) {
    return db.read(c -> Sql.count(c, sql));
  }
}
