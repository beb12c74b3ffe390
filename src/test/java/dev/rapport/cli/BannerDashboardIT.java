package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.dashboard.Dashboard;
import dev.rapport.store.DataFolder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The banner's dashboard line: the address to open it with, or why it is off. */
class BannerDashboardIT {
  @TempDir Path dir;
  App app;

  @BeforeEach
  void app() {
    app = new App(ConfigLoader.sandboxDefaults(), new DataFolder(dir), Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void namesTheAddressToOpenWithItsToken() {
    Dashboard d = new Dashboard(app, 0, Optional::empty);
    d.start();
    try {
      assertThat(Banner.dashboardLine(d))
          .isEqualTo(
              "Dashboard: open http://127.0.0.1:"
                  + d.port()
                  + "/login?token="
                  + app.data().dashboardSecret()
                  + " to review drafts and follow your contacts (this address is your key to it:"
                  + " keep it to yourself; 'rapport dashboard' prints it again).");
    } finally {
      d.stop();
    }
  }

  @Test
  void underAServiceTheAddressIsNamedWithoutItsTokenWhichTheJournalWouldKeep() {
    Dashboard d = new Dashboard(app, 0, Optional::empty);
    d.start();
    try {
      assertThat(Banner.serviceDashboardLine(d))
          .isEqualTo(
              "Dashboard: on http://127.0.0.1:"
                  + d.port()
                  + "/; 'rapport dashboard' prints the address that opens it (with its key, which"
                  + " is kept out of this log).")
          .doesNotContain(app.data().dashboardSecret());
    } finally {
      d.stop();
    }
  }

  @Test
  void saysWhyItIsOffWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Dashboard d = new Dashboard(app, taken.getLocalPort(), Optional::empty);
      d.start();
      assertThat(Banner.dashboardLine(d))
          .isEqualTo(
              "Dashboard: not started: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is in use; stop the program using it or set dashboard.port in the config.");
      d.stop();
    }
  }
}
