package dev.rapport.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The figures of issue 15 items 5 and 6, measured on real processes of {@code rapport.jar}, printed
 * as TSV lines {@code figure, median, yardstick, ratio, target} for {@code src/bench/run}:
 *
 * <ul>
 *   <li>{@code sync} sending 1,000 approved drafts to a GreenMail started here (SMTP, then the Sent
 *       copy by IMAP APPEND), against {@link PlainClient} doing the same work on the same server,
 *       runs alternated;
 *   <li>{@code outreach} for 1,000 contacts (each run on a fresh copy of the same data);
 *   <li>the daemon's resident memory at rest with 10,000 contacts, in the sandbox.
 * </ul>
 *
 * Args: {@code jar workdir runs [baselineJar]}. With a baseline jar (an older build), every run is
 * made with both jars in turn and the baseline's figures get lines of their own ("… [before]"), so
 * that a noisy machine affects both alike. A benchmark, not a test: nothing is asserted but that
 * the work was done.
 */
public final class Bench {
  static final String USER = "ada@example.org";
  static final String PASSWORD = "bench-password";
  static final int DRAFTS = 1_000;
  static final int RESTING_CONTACTS = 10_000;

  private final Path work;
  private final int runs;
  private final List<Path> jars = new ArrayList<>();
  private Path launcherCommand; // starts the main jar with the launcher's flags, or null

  private Bench(Path jar, Path work, int runs, Path baseline) {
    this.work = work;
    this.runs = runs;
    jars.add(jar);
    if (baseline != null) jars.add(baseline);
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path baseline = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : null;
    String only = System.getProperty("bench.only", "sync,outreach,rss");
    Bench b = new Bench(jar, work, runs, baseline);
    String script = System.getProperty("bench.launcher", "");
    String ready = System.getProperty("bench.launcherCommand", "");
    // The launcher uses its class-data archive, as it does for users: target/rapport the one
    // 'mvn package' made beside the jar. A release-layout home would make its own in the
    // background during the first runs, so there the archive stays off.
    cds = System.getProperty("bench.cds", ready.isBlank() ? "off" : "on");
    if (!ready.isBlank()) b.launcherCommand = Path.of(ready).toAbsolutePath();
    else if (!script.isBlank()) {
      b.launcherCommand = home(Path.of(script).toAbsolutePath(), jar, work).resolve("bin/rapport");
    }
    if (only.contains("sync") || only.contains("outreach")) b.sendingAndDrafting(only);
    if (only.contains("rss")) b.resting();
  }

  private String tag(int j) {
    return j == LAUNCHER ? " [launcher]" : j == 0 ? "" : " [before]";
  }

  /** Index of the main jar run through the launcher (its flags) rather than {@code java -jar}. */
  private static final int LAUNCHER = -1;

  /** RAPPORT_CDS for the launcher's runs: "off", or "on" (anything else leaves the archive on). */
  private static String cds = "off";

  /** A rapport home as the release archive lays it out, so that the real launcher runs. */
  private static Path home(Path script, Path jar, Path work) throws IOException {
    Path home = work.resolve("home");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Files.copy(script, home.resolve("bin/rapport"));
    home.resolve("bin/rapport").toFile().setExecutable(true);
    Files.createSymbolicLink(home.resolve("lib/rapport.jar"), jar);
    return home;
  }

  /** The command that starts rapport with jar {@code j} (or the launcher). */
  private List<String> start(int j) {
    if (j == LAUNCHER) return new ArrayList<>(List.of(launcherCommand.toString()));
    return new ArrayList<>(List.of(java(), "-jar", jars.get(j).toString()));
  }

  // ---- items 5 and 6b: outreach for 1,000 contacts, then sync of the 1,000 approved drafts ----

  private void sendingAndDrafting(String only) throws Exception {
    GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    try {
      mail.setUser(USER, USER, PASSWORD);
      int smtp = mail.getSmtp().getPort();
      int imap = mail.getImap().getPort();
      List<List<Double>> outreach = lists();
      List<List<Double>> sync = lists();
      List<Double> plain = new ArrayList<>();
      List<Double> plainSmtp = new ArrayList<>();
      List<Double> syncLauncher = new ArrayList<>();
      for (int j = 0; j < jars.size(); j++) {
        Path base = work.resolve("mail-" + j);
        config(base, account(smtp, imap));
        imported(j, base, DRAFTS);
      }
      String[] ids = new String[DRAFTS];
      for (int i = 0; i < DRAFTS; i++) ids[i] = String.valueOf(i + 1);
      List<Double> outreachLauncher = new ArrayList<>();
      List<String> outreachCmd = new ArrayList<>(List.of("outreach"));
      outreachCmd.addAll(Arrays.asList(ids));
      String[] outreachArgs = outreachCmd.toArray(String[]::new);
      for (int r = 0; r < runs; r++) {
        for (int j = 0; j < jars.size(); j++) {
          Path base = work.resolve("mail-" + j);
          Path data = fresh(base, "data-contacts");
          outreach.get(j).add(rapport(j, base, outreachArgs));
          if (r == 0) {
            rapport(j, base, "drafts", "approve", "--all");
            copy(data, base.resolve("data-approved"));
          }
        }
        if (launcherCommand != null) {
          Path base = work.resolve("mail-0");
          fresh(base, "data-contacts");
          outreachLauncher.add(rapport(LAUNCHER, base, outreachArgs));
        }
      }
      if (only.contains("sync")) {
        for (int r = 0; r < runs; r++) {
          fresh(mail);
          long start = System.nanoTime();
          String out =
              run(
                  work,
                  List.of(
                      java(),
                      "-cp",
                      classPath(),
                      PlainClient.class.getName(),
                      String.valueOf(smtp),
                      String.valueOf(imap),
                      USER,
                      PASSWORD,
                      String.valueOf(DRAFTS)));
          plain.add((System.nanoTime() - start) / 1e9);
          plainSmtp.add(Double.parseDouble(out.strip().split(" ")[0]) / 1e3);
          for (int j = 0; j < jars.size(); j++) {
            Path base = work.resolve("mail-" + j);
            fresh(base, "data-approved");
            fresh(mail);
            double s = rapport(j, base, "sync");
            int delivered = mail.getReceivedMessages().length;
            if (delivered < DRAFTS)
              throw new IllegalStateException("sync delivered " + delivered + " of " + DRAFTS);
            sync.get(j).add(s);
          }
          if (launcherCommand != null) {
            Path base = work.resolve("mail-0");
            fresh(base, "data-approved");
            fresh(mail);
            syncLauncher.add(rapport(LAUNCHER, base, "sync"));
            int delivered = mail.getReceivedMessages().length;
            if (delivered < DRAFTS)
              throw new IllegalStateException("sync delivered " + delivered + " of " + DRAFTS);
          }
        }
        double yard = median(plain);
        line("plain client: 1,000 SMTP sends + APPENDs (s)", yard, "-", "-", "yardstick");
        line("plain client: of which SMTP (s)", median(plainSmtp), "-", "-", "-");
        for (int j = 0; j < jars.size(); j++) {
          double m = median(sync.get(j));
          line(
              "sync, 1,000 approved drafts (s)" + tag(j),
              m,
              String.format(Locale.ROOT, "%.2f", yard),
              ratio(m, yard),
              "<= 1.5x (issue: 2.8x)");
        }
        if (!syncLauncher.isEmpty()) {
          double m = median(syncLauncher);
          line(
              "sync, 1,000 approved drafts (s)" + tag(LAUNCHER),
              m,
              String.format(Locale.ROOT, "%.2f", yard),
              ratio(m, yard),
              "<= 1.5x (issue: 2.8x)");
        }
      }
      for (int j = 0; j < jars.size(); j++) {
        double m = median(outreach.get(j));
        line("outreach, 1,000 contacts (s)" + tag(j), m, "6-8", ratio(m, 7.0), "< 3 s");
      }
      if (!outreachLauncher.isEmpty()) {
        double m = median(outreachLauncher);
        line("outreach, 1,000 contacts (s)" + tag(LAUNCHER), m, "6-8", ratio(m, 7.0), "< 3 s");
      }
    } finally {
      mail.stop();
    }
  }

  /** A configured account on the loopback GreenMail: no window, no cap, no digest. */
  private static String account(int smtp, int imap) {
    return """
        me:
          name: Ada Bench
          email: %1$s
        smtp:
          host: 127.0.0.1
          port: %2$d
          security: none
          username: %1$s
          password_env: BENCH_MAIL_PASSWORD
        imap:
          host: 127.0.0.1
          port: %3$d
          security: none
          username: %1$s
          password_env: BENCH_MAIL_PASSWORD
          sent: Sent
          idle: false
        pacing:
          max_per_day: 10000
          window: "00:00-23:59"
          weekdays_only: false
        digest:
          enabled: false
        dashboard:
          port: %4$d
        """
        .formatted(USER, smtp, imap, freePort());
  }

  static void fresh(GreenMail mail) throws Exception {
    mail.purgeEmailFromAllMailboxes();
    var user = mail.getUserManager().getUser(USER);
    var host = mail.getManagers().getImapHostManager();
    if (host.getFolder(user, "Sent") == null) host.createMailbox(user, "Sent");
  }

  // ---- item 6a: the daemon at rest with 10,000 contacts ----

  private void resting() throws Exception {
    long settle = Long.getLong("bench.settle", 30);
    List<List<Double>> rss = lists();
    for (int j = 0; j < jars.size(); j++) {
      Path base = work.resolve("rest-" + j);
      config(base, "dashboard:\n  port: " + freePort() + "\n");
      imported(j, base, RESTING_CONTACTS);
      copy(base.resolve("data-contacts"), base.resolve("data"));
    }
    int rounds = Math.max(1, Math.min(runs, Integer.getInteger("bench.rssRuns", 2)));
    List<Double> viaLauncher = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < jars.size(); j++) {
        rss.get(j).add(restingRss(j, work.resolve("rest-" + j), settle));
      }
      if (launcherCommand != null)
        viaLauncher.add(restingRss(LAUNCHER, work.resolve("rest-0"), settle));
    }
    if (launcherCommand != null) rss.add(viaLauncher);
    for (int j = 0; j < rss.size(); j++) {
      double m = median(rss.get(j));
      line(
          "daemon RSS at rest, 10,000 contacts (MB)" + tag(j == jars.size() ? LAUNCHER : j),
          m,
          "150 (issue: 212 @5k)",
          ratio(m, 150),
          "< 150 MB");
    }
  }

  /**
   * Starts {@code run}, waits until it is up and {@code settle} s more, samples VmRSS, stops it.
   */
  private double restingRss(int j, Path base, long settle) throws Exception {
    List<String> cmd =
        command(
            j,
            base,
            "run",
            "--sandbox-smtp-port",
            String.valueOf(freePort()),
            "--sandbox-imap-port",
            String.valueOf(freePort()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile());
    pb.environment().put("RAPPORT_CDS", cds);
    pb.redirectErrorStream(true).redirectOutput(base.resolve("run.out").toFile());
    Process p = pb.start();
    try {
      Path up = base.resolve("data/sandbox.server");
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!Files.exists(up)) {
        if (!p.isAlive() || System.nanoTime() > deadline)
          throw new IllegalStateException(
              "the daemon did not start: " + Files.readString(base.resolve("run.out")));
        Thread.sleep(200); // polling a file another process writes
      }
      Thread.sleep(settle * 1000); // "at rest" is a stretch of time by definition
      List<Double> samples = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        samples.add(rssMb(p.pid()));
        Thread.sleep(1000);
      }
      return median(samples);
    } finally {
      p.destroy();
      p.waitFor();
      Files.deleteIfExists(base.resolve("data/sandbox.server"));
    }
  }

  static double rssMb(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
    }
    throw new IOException("no VmRSS for " + pid);
  }

  // ---- plumbing ----

  private List<List<Double>> lists() {
    List<List<Double>> l = new ArrayList<>();
    for (int j = 0; j < jars.size(); j++) l.add(new ArrayList<>());
    return l;
  }

  /**
   * {@code n} contacts imported into {@code base}/data-contacts (and data), by each jar itself from
   * the same file (the same rows): an older jar refuses a database a newer one has migrated
   * further. The import is not what is measured.
   */
  private void imported(int j, Path base, int n) throws Exception {
    csv(base.resolve("contacts.csv"), n);
    rapport(j, base, "contacts", "import", base.resolve("contacts.csv").toString());
    copy(base.resolve("data"), base.resolve("data-contacts"));
  }

  private static void config(Path base, String yaml) throws IOException {
    Files.createDirectories(base.resolve("config"));
    Files.writeString(base.resolve("config/rapport.yaml"), yaml);
  }

  /** N tier-1 contacts (no "why you" line to fill), each with a company and role. */
  static void csv(Path file, int n) throws IOException {
    StringBuilder b = new StringBuilder("name,email,company,role,tier\n");
    for (int i = 0; i < n; i++) {
      b.append("Person ")
          .append(i)
          .append(",person")
          .append(i)
          .append("@example.net,Company ")
          .append(i % 97)
          .append(",Product Manager,1\n");
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  /**
   * {@code rapport --config base/config/rapport.yaml --data base/data args…} with jar {@code j}.
   */
  private List<String> command(int j, Path base, String... args) {
    List<String> cmd = start(j);
    cmd.addAll(
        List.of(
            "--config",
            base.resolve("config/rapport.yaml").toString(),
            "--data",
            base.resolve("data").toString()));
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /** Runs one rapport command in {@code base} with jar {@code j}; its wall time in seconds. */
  private double rapport(int j, Path base, String... args) throws Exception {
    List<String> cmd = command(j, base, args);
    long start = System.nanoTime();
    run(base, cmd);
    double took = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "  %-40s %6.2f s%n",
        args[0] + " " + (args.length > 1 ? args[1] : "") + tag(j),
        took);
    return took;
  }

  private static String run(Path dir, List<String> cmd) throws Exception {
    Files.createDirectories(dir);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("BENCH_MAIL_PASSWORD", PASSWORD);
    pb.environment().put("RAPPORT_CDS", cds);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      String what = String.join(" ", cmd.subList(Math.max(0, cmd.size() - 3), cmd.size()));
      throw new IllegalStateException("'" + what + "' failed:\n" + out);
    }
    return out;
  }

  /** This JVM's class path with absolute entries, for a child started in another folder. */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path fresh(Path base, String snapshot) throws IOException {
    Path data = base.resolve("data");
    delete(data);
    copy(base.resolve(snapshot), data);
    return data;
  }

  private static void copy(Path from, Path to) throws IOException {
    delete(to);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else if (!p.getFileName().toString().endsWith(".lock.db")) Files.copy(p, t);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String ratio(double value, double yardstick) {
    return String.format(Locale.ROOT, "%.2f", value / yardstick);
  }

  private static void line(String figure, double median, String yard, String ratio, String target) {
    System.out.printf(Locale.ROOT, "%s\t%.2f\t%s\t%s\t%s%n", figure, median, yard, ratio, target);
  }
}
