package dev.rapport.inbox;

import dev.rapport.mail.DovecotServer;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The first scan of a large mailbox on a private Dovecot over TLS: {@code size} messages written
 * straight into its maildir ({@code contacts} of them replies from contacts, the rest unrelated
 * mail of about 1.5 KB), then
 *
 * <ol>
 *   <li>rapport's first scan on a cold Dovecot (no index or cache for those header fields yet);
 *   <li>a plain Angus client fetching the same header fields of every message in one FETCH;
 *   <li>rapport's first scan again on a fresh database, Dovecot's cache now warm;
 *   <li>the header fields one message per UID FETCH, over 200 messages, extrapolated.
 * </ol>
 *
 * Each scan is timed from just before login to the saved checkpoint, with the heap's peak (the sum
 * of the heap pools' peaks, reset before the scan) and the bodies downloaded.
 *
 * <p>{@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt && java
 * -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) dev.rapport.inbox.DovecotScanBench
 * 20000}. A benchmark, not a test: numbers are printed, never asserted.
 */
public final class DovecotScanBench {
  private DovecotScanBench() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int contacts = 20;
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (DovecotServer dovecot = new DovecotServer()) {
      long t0 = System.nanoTime();
      Instant received = Instant.now().minusSeconds(3600);
      for (int i = 0; i < size; i++) {
        String raw =
            i % (size / contacts) == size / contacts / 2
                ? Mails.reply(
                    "p" + (i / (size / contacts)) + "@corp.test",
                    "<scan-" + (i / (size / contacts)) + "@rapport.test>",
                    "Re: Hello",
                    "Yes, gladly.")
                : Mails.plain(
                    "sender" + (i % 500) + "@news" + (i % 37) + ".test",
                    "Newsletter " + i,
                    i % 3 == 0 ? "List-Id: <list" + (i % 11) + ".test>\r\n" : "",
                    ("Some unrelated text " + i + ".\n").repeat(50));
        dovecot.deliver(raw.getBytes(StandardCharsets.UTF_8), received.plusMillis(i));
      }
      System.out.printf(
          "maildir of %d messages written in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
      scan(dovecot, contacts, "cold Dovecot");
      try {
        plainClient(dovecot);
      } catch (OutOfMemoryError e) {
        System.out.printf(
            "plain Angus client: out of memory with a heap of %d MB%n",
            Runtime.getRuntime().maxMemory() >> 20);
      }
      scan(dovecot, contacts, "warm Dovecot");
      oneAtATime(dovecot, 200);
    }
    System.exit(0);
  }

  private static void scan(DovecotServer dovecot, int contacts, String what) throws Exception {
    Path dir = Files.createTempDirectory("rapport-dovecot-bench");
    try (InboxFixture f = new InboxFixture(dir, dovecot::endpoint, DovecotServer.USER)) {
      for (int c = 0; c < contacts; c++) {
        long id = f.contact("Person " + c, "p" + c + "@corp.test", "CONTACTED");
        f.sent(id, "<scan-" + c + "@rapport.test>");
      }
      Inbox inbox = f.inbox();
      System.gc();
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long s = System.nanoTime();
      PollResult r = inbox.pollOnce();
      double secs = (System.nanoTime() - s) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long replied = f.count("SELECT COUNT(*) FROM contact WHERE stage = 'REPLIED'");
      System.out.printf(
          "rapport first scan, %s: %.2f s (login included), heap peak %d MB (%d MB before),"
              + " max heap %d MB; %d examined, %d bodies downloaded, %d contacts REPLIED%n",
          what,
          secs,
          peak >> 20,
          before >> 20,
          Runtime.getRuntime().maxMemory() >> 20,
          r.examined(),
          r.downloaded(),
          replied);
    }
  }

  /** A plain client: the same header fields of every message in one FETCH command. */
  private static void plainClient(DovecotServer dovecot) throws Exception {
    try (Store store = dovecot.connect()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      long s = System.nanoTime();
      Message[] all = inbox.getMessages();
      FetchProfile p = new FetchProfile();
      p.add(UIDFolder.FetchProfileItem.UID);
      for (String h : IncomingHeaders.FIELDS) p.add(h);
      inbox.fetch(all, p);
      System.out.printf(
          "plain Angus client, header fields of %d messages in one FETCH: %.2f s%n",
          all.length, (System.nanoTime() - s) / 1e9);
    }
  }

  private static void oneAtATime(DovecotServer dovecot, int n) throws Exception {
    try (Store store = dovecot.connect()) {
      IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int count = inbox.getMessageCount();
      long s = System.nanoTime();
      for (int i = 0; i < n; i++)
        ImapReads.headers(inbox, new long[] {1 + (long) i * count / n}, IncomingHeaders.FIELDS);
      double each = (System.nanoTime() - s) / 1e9 / n;
      System.out.printf(
          "one message per UID FETCH: %.2f ms per message over %d; %d messages would take ~%.1f s%n",
          each * 1000, n, count, each * count);
    }
  }
}
