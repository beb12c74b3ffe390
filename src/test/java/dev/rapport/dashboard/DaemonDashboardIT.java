package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.daemon.Daemon;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.store.DataFolder;
import dev.rapport.store.LoopbackOnly;
import dev.rapport.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's last part is the dashboard, on dashboard.port, with the inbox watcher's health. */
class DaemonDashboardIT {
  static {
    LoopbackOnly.configure();
  }

  @TempDir Path dir;

  @Test
  void theDaemonServesTheDashboardOnItsPortWithTheInboxHealth() throws Exception {
    int port = freePort();
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        """
        me:
          name: Sam Rivera
          email: sam@example.org
        dashboard:
          port: %d
        """
            .formatted(port));
    DataFolder data = new DataFolder(dir.resolve("data"));
    data.create();
    App app = new App(ConfigLoader.load(config, true), data, Clock.systemUTC(), Map.of());
    Daemon daemon = app.daemon(new SandboxMail.Ports(freePort(), freePort()));
    daemon.start();
    try {
      Dashboard dashboard = daemon.part(Dashboard.class).orElseThrow();
      assertThat(daemon.components().get(daemon.components().size() - 1)).isSameAs(dashboard);
      assertThat(dashboard.running()).isTrue();
      assertThat(dashboard.url()).isEqualTo("http://127.0.0.1:" + port + "/");
      DashboardClient browser = new DashboardClient(dashboard);
      String home = browser.get("/").body();
      assertThat(home).contains("No contacts yet.", "rapport contacts add");
      Await.until(
          Duration.ofSeconds(30),
          "the inbox watcher's mode on the status page",
          () -> get(browser, "/status").contains("IDLE"));
      String status = get(browser, "/status");
      assertThat(status).contains("Last read to the end").doesNotContain("not yet");
    } finally {
      daemon.stop();
      app.close();
    }
  }

  @Test
  void aPortInUseLeavesTheDashboardOffButTheDaemonRuns() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      DataFolder data = new DataFolder(dir.resolve("data2"));
      data.create();
      App app = new App(ConfigLoader.sandboxDefaults(), data, Clock.systemUTC(), Map.of());
      Dashboard dashboard = new Dashboard(app, taken.getLocalPort(), java.util.Optional::empty);
      dashboard.start();
      try {
        assertThat(dashboard.running()).isFalse();
        assertThat(dashboard.unavailable())
            .hasValueSatisfying(
                why -> assertThat(why).contains("port " + taken.getLocalPort(), "dashboard.port"));
      } finally {
        dashboard.stop();
        app.close();
      }
    }
  }

  private static String get(DashboardClient browser, String path) {
    try {
      return browser.get(path).body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    return dev.rapport.testing.FreePorts.next();
  }
}
