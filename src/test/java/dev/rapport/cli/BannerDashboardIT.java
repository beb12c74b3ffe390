package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.dashboard.Dashboard;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The banner's dashboard line: where to open it, or why it is off. */
class BannerDashboardIT {
  @Test
  void namesTheAddressToOpen() {
    Dashboard d = new Dashboard(null, 0, Optional::empty);
    d.start();
    try {
      assertThat(Banner.dashboardLine(d))
          .isEqualTo(
              "Dashboard: open http://127.0.0.1:"
                  + d.port()
                  + "/ to review drafts and follow your contacts.");
    } finally {
      d.stop();
    }
  }

  @Test
  void saysWhyItIsOffWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Dashboard d = new Dashboard(null, taken.getLocalPort(), Optional::empty);
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
