package dev.rapport.daemon;

import static dev.rapport.daemon.Processes.COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.CliRunner;
import dev.rapport.daemon.Processes.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with SIGKILL while commands write through it: two loops of {@code contacts add}
 * and one of {@code contacts import} (1,000 rows, one transaction). After each kill the database
 * opens without a word of complaint, holds every write that was reported done, and holds each
 * import whole or not at all. Three rounds, each killed at another point, on the same folder.
 */
class CrashSafetyIT {
  private static final int ROWS = 1000;

  @TempDir Path dir;
  Path data;
  Path logs;
  CliRunner cli;
  final List<Run> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    data = dir.resolve("data");
    logs = dir.resolve("logs");
    cli = new CliRunner(data);
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(r -> r.process().destroyForcibly());
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void afterSigkillMidWritesTheDatabaseOpensWithEveryReportedWrite() throws Exception {
    Set<String> reported = ConcurrentHashMap.newKeySet();
    Map<String, Boolean> imports = new ConcurrentHashMap<>(); // import file -> reported done
    int[] killAfter = {3, 12, 30}; // reported writes in the round before the kill
    for (int round = 0; round < killAfter.length; round++) {
      Run daemon = startDaemon();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger done = new AtomicInteger();
      AtomicBoolean importing = new AtomicBoolean();
      List<String> unexpected = new ArrayList<>();
      int r = round;
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String email = "r" + r + "t" + thread + "n" + i + "@add.example.org";
                    var add = cli.run("contacts", "add", "--name", "N " + i, "--email", email);
                    if (add.exitCode() == 0 && add.out().strip().matches("\\d+")) {
                      reported.add(email);
                      done.incrementAndGet();
                    } else {
                      if (!stop.get())
                        synchronized (unexpected) {
                          unexpected.add(add.toString());
                        }
                      return;
                    }
                  }
                }));
      }
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int j = 0; !stop.get(); j++) {
                  Path csv = csv("r" + r + "i" + j);
                  imports.put(csv.getFileName().toString(), false);
                  importing.set(true);
                  var imp = cli.run("contacts", "import", csv.toString());
                  importing.set(false);
                  if (imp.exitCode() == 0 && imp.out().startsWith("Imported 1,000 contacts")) {
                    imports.put(csv.getFileName().toString(), true);
                    done.incrementAndGet();
                  } else {
                    if (!stop.get())
                      synchronized (unexpected) {
                        unexpected.add(imp.toString());
                      }
                    return;
                  }
                }
              }));

      int target = killAfter[round];
      // killed while an import (one long transaction) is under way, and adds with it
      Processes.await(
          COMMAND,
          target + " reported writes, an import under way",
          () -> {
            synchronized (unexpected) {
              assertThat(unexpected).as("writes that failed before the kill").isEmpty();
            }
            return done.get() >= target && importing.get();
          });
      stop.set(true);
      daemon.process().destroyForcibly(); // SIGKILL on Linux: no hook, no clean close
      assertThat(daemon.exitCode(COMMAND)).isNotZero();
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
          .get(COMMAND.toSeconds(), TimeUnit.SECONDS);
      assertThat(unexpected).as("writes that failed before the kill").isEmpty();

      var list = cli.run("contacts", "list", "--json");
      assertThat(list.exitCode()).as("the database opens after the kill: " + list).isZero();
      assertThat(list.err()).isEmpty();
      Set<String> present = new HashSet<>(DaemonIT.emails(list.out()));
      assertThat(present).as("every add reported done, round " + round).containsAll(reported);
      imports.forEach(
          (file, reportedDone) -> {
            String prefix = file.replace(".csv", "") + "row";
            long rows = present.stream().filter(e -> e.startsWith(prefix)).count();
            if (reportedDone) assertThat(rows).as(file + ", reported done").isEqualTo(ROWS);
            else
              assertThat(rows).as(file + ", cut by the kill: all or nothing").isIn(0L, (long) ROWS);
          });
    }
    long importsDone = imports.values().stream().filter(d -> d).count();
    assertThat(reported.size() + importsDone).isGreaterThanOrEqualTo(3 + 12 + 30);
    System.out.printf(
        "CrashSafetyIT: %d adds and %d imports reported done survived 3 kills; %d imports were cut"
            + " by a kill%n",
        reported.size(), importsDone, imports.size() - importsDone);
  }

  private Path csv(String name) {
    StringBuilder text = new StringBuilder("name,email\n");
    IntStream.range(0, ROWS)
        .forEach(
            k ->
                text.append("Row ")
                    .append(k)
                    .append(',')
                    .append(name)
                    .append("row")
                    .append(k)
                    .append("@imp.example.org\n"));
    try {
      Files.createDirectories(dir.resolve("csv"));
      return Files.writeString(dir.resolve("csv").resolve(name + ".csv"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Run startDaemon() {
    Run daemon =
        Processes.rapport(
            data,
            logs,
            "run",
            "--sandbox-smtp-port",
            String.valueOf(Processes.freePort()),
            "--sandbox-imap-port",
            String.valueOf(Processes.freePort()));
    synchronized (started) {
      started.add(daemon);
    }
    Processes.awaitUp(daemon, data);
    return daemon;
  }
}
