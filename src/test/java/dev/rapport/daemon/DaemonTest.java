package dev.rapport.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.RapportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DaemonTest {
  final List<String> calls = new ArrayList<>();

  @Test
  void startsInOrderAndStopsInReverse() {
    Daemon daemon = new Daemon(List.of(part("database"), part("server"), part("mail")));
    daemon.start();
    daemon.stop();
    assertThat(calls)
        .containsExactly(
            "start database",
            "start server",
            "start mail",
            "stop mail",
            "stop server",
            "stop database");
  }

  @Test
  void aPartThatFailsToStartStopsThoseStartedBeforeIt() {
    Daemon daemon =
        new Daemon(List.of(part("database"), part("server"), failing("mail"), part("never")));
    assertThatThrownBy(daemon::start)
        .isInstanceOf(RapportException.class)
        .hasMessage("mail cannot start");
    assertThat(calls)
        .containsExactly(
            "start database", "start server", "start mail", "stop server", "stop database");
    daemon.stop();
    assertThat(calls).hasSize(5);
  }

  @Test
  void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
    Component stubborn =
        new Component() {
          @Override
          public String name() {
            return "stubborn";
          }

          @Override
          public void start() {
            calls.add("start stubborn");
          }

          @Override
          public void stop() {
            calls.add("stop stubborn");
            throw new IllegalStateException("stuck");
          }
        };
    Daemon daemon = new Daemon(List.of(part("database"), stubborn, part("mail")));
    daemon.start();
    daemon.stop();
    assertThat(calls).endsWith("stop mail", "stop stubborn", "stop database");
  }

  @Test
  void stoppingTwiceStopsOnce() {
    Daemon daemon = new Daemon(List.of(part("database")));
    daemon.start();
    daemon.stop();
    daemon.stop();
    assertThat(calls).containsExactly("start database", "stop database");
  }

  @Test
  @Timeout(10)
  void awaitStopReturnsWhenAnotherThreadStops() throws Exception {
    Daemon daemon = new Daemon(List.of(part("database")));
    daemon.start();
    Thread stopper = new Thread(daemon::stop);
    stopper.start();
    daemon.awaitStop();
    stopper.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(calls).containsExactly("start database", "stop database");
  }

  @Test
  void findsItsPartsByType() {
    Component db = part("database");
    Daemon daemon = new Daemon(List.of(db));
    assertThat(daemon.part(Component.class)).containsSame(db);
    assertThat(daemon.part(SandboxMail.class)).isEmpty();
  }

  private Component part(String name) {
    return new Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        calls.add("start " + name);
      }

      @Override
      public void stop() {
        calls.add("stop " + name);
      }
    };
  }

  private Component failing(String name) {
    return new Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        calls.add("start " + name);
        throw new RapportException(name + " cannot start");
      }

      @Override
      public void stop() {
        calls.add("stop " + name + " (must not happen)");
      }
    };
  }
}
