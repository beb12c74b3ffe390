package dev.rapport.inbox;

import dev.rapport.mail.MailSessions;
import dev.rapport.store.Sql;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the inbox watcher against an in-process GreenMail over loopback sockets:
 *
 * <ol>
 *   <li>reply arrival → REPLIED with IDLE, over {@code replies} replies (median, p95);
 *   <li>the first scan of a mailbox of {@code size} messages (a few from contacts, the rest
 *       unrelated), with batched header FETCHes and with one message per FETCH, each on a fresh
 *       database, with the peak heap used; and a plain Angus client fetching the same header fields
 *       of every message in one FETCH, for scale.
 * </ol>
 *
 * {@code mvn -o -q test-compile && java -Xmx512m -cp target/classes:target/test-classes:$(cat
 * cp.txt) dev.rapport.inbox.InboxBench [replies] [size]} (cp.txt from {@code mvn
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}; {@code -Dbench.scanOnly=true} leaves out
 * the plain client and one-at-a-time). A benchmark, not a test: numbers are printed, never
 * asserted.
 */
public final class InboxBench {
  private InboxBench() {}

  public static void main(String[] args) throws Exception {
    int replies = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    org.slf4j.LoggerFactory.getLogger(InboxBench.class); // logging up before timing
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    if (replies > 0) replyLatency(replies);
    int[] batchSizes =
        args.length > 2
            ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {5000, 20_000};
    firstScan(size, batchSizes);
    System.exit(0);
  }

  private static void replyLatency(int n) throws Exception {
    Path dir = Files.createTempDirectory("rapport-inbox-bench");
    try (TestMailServer mail = new TestMailServer();
        InboxFixture f = new InboxFixture(dir, mail)) {
      long[] ids = new long[n + 5];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = f.contact("Person " + i, "p" + i + "@corp.test", "CONTACTED");
        f.sent(ids[i], "<bench-" + i + "@rapport.test>");
      }
      Inbox inbox = f.inbox();
      inbox.start();
      InboxFixture.await(Duration.ofSeconds(10), "watching", () -> inbox.pollCount() >= 2);
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        long id = ids[i];
        String raw =
            Mails.reply(
                "p" + i + "@corp.test",
                "<bench-" + i + "@rapport.test>",
                "Re: Hello",
                "Yes, gladly.");
        long t0 = System.nanoTime();
        mail.deliver(raw);
        while (!f.db
            .read(
                c ->
                    Sql.one(c, "SELECT stage FROM contact WHERE id = ?", rs -> rs.getString(1), id)
                        .orElseThrow())
            .equals("REPLIED")) {
          Thread.onSpinWait();
          if (System.nanoTime() - t0 > 30_000_000_000L)
            throw new IllegalStateException("no REPLIED within 30 s");
        }
        if (i >= 5) ms.add((System.nanoTime() - t0) / 1e6); // the first five warm the JIT
        // Let the watcher go back into IDLE before the next reply, as between real replies.
        long idles = inbox.idleCount();
        InboxFixture.await(Duration.ofSeconds(5), "idle again", () -> inbox.idleCount() >= idles);
        Thread.sleep(50);
      }
      inbox.stop();
      Collections.sort(ms);
      System.out.printf(
          "reply → REPLIED with IDLE over %d replies: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          ms.size(),
          ms.get(ms.size() / 2),
          ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
          ms.get(ms.size() - 1));
    }
  }

  private static void firstScan(int size, int[] batchSizes) throws Exception {
    try (TestMailServer mail = new TestMailServer()) {
      Session session = Session.getInstance(new Properties());
      long t0 = System.nanoTime();
      int fromContacts = 20;
      for (int i = 0; i < size; i++) {
        String raw =
            i % (size / fromContacts) == 0
                ? Mails.reply(
                    "p" + (i / (size / fromContacts)) + "@corp.test",
                    "<scan-" + (i / (size / fromContacts)) + "@rapport.test>",
                    "Re: Hello",
                    "Yes")
                : Mails.plain(
                    "sender" + (i % 500) + "@news" + (i % 37) + ".test",
                    "Newsletter " + i,
                    i % 3 == 0 ? "List-Id: <list" + (i % 11) + ".test>\r\n" : "",
                    ("Some unrelated text " + i + ".\n").repeat(40));
        mail.greenMailUser()
            .deliver(
                new MimeMessage(
                    session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
      }
      System.out.printf(
          "mailbox of %d messages filled in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
      if (!Boolean.getBoolean("bench.scanOnly")) {
        plainClient(mail);
        oneAtATime(mail, 20);
      }
      for (int batch : batchSizes) {
        for (int round = 1; round <= 1; round++) {
          Path dir = Files.createTempDirectory("rapport-scan-bench");
          try (InboxFixture f = new InboxFixture(dir, mail)) {
            for (int c = 0; c < fromContacts; c++) {
              long id = f.contact("Person " + c, "p" + c + "@corp.test", "CONTACTED");
              f.sent(id, "<scan-" + c + "@rapport.test>");
            }
            f.settings = f.settings.withBatchSize(batch);
            Inbox inbox = f.inbox();
            System.gc();
            long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            HeapWatch heap = new HeapWatch();
            long s = System.nanoTime();
            PollResult r = inbox.pollOnce();
            double secs = (System.nanoTime() - s) / 1e9;
            long peak = heap.stop();
            long replied = f.count("SELECT COUNT(*) FROM contact WHERE stage = 'REPLIED'");
            System.out.printf(
                "first scan, %s: %.2f s, peak heap used %d MB (%d MB before it, GreenMail's mailbox included),"
                    + " %d examined, %d bodies downloaded, %d contacts REPLIED%n",
                batch == 1 ? "one message per FETCH" : "headers in UID FETCHes of up to " + batch,
                secs,
                peak >> 20,
                baseline >> 20,
                r.examined(),
                r.downloaded(),
                replied);
          }
        }
      }
    }
  }

  /** A plain client: the same header fields of every message in one FETCH command. */
  private static void plainClient(TestMailServer mail) throws Exception {
    for (int round = 1; round <= 2; round++) {
      try (Store store = MailSessions.imap(mail.endpoint()).getStore("imap")) {
        store.connect("127.0.0.1", mail.imapPort, TestMailServer.ME, TestMailServer.PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        long s = System.nanoTime();
        Message[] all = inbox.getMessages();
        FetchProfile p = new FetchProfile();
        p.add(UIDFolder.FetchProfileItem.UID);
        for (String h : IncomingHeaders.FIELDS) p.add(h);
        inbox.fetch(all, p);
        System.out.printf(
            "plain client, header fields of %d messages in one FETCH: %.2f s (round %d)%n",
            all.length, (System.nanoTime() - s) / 1e9, round);
      }
    }
  }

  /**
   * The same header fields one message per UID FETCH, for {@code n} messages spread over the
   * mailbox.
   */
  private static void oneAtATime(TestMailServer mail, int n) throws Exception {
    try (Store store = MailSessions.imap(mail.endpoint()).getStore("imap")) {
      store.connect("127.0.0.1", mail.imapPort, TestMailServer.ME, TestMailServer.PASSWORD);
      org.eclipse.angus.mail.imap.IMAPFolder inbox =
          (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int count = inbox.getMessageCount();
      long s = System.nanoTime();
      for (int i = 0; i < n; i++)
        ImapReads.headers(inbox, new long[] {1 + (long) i * count / n}, IncomingHeaders.FIELDS);
      double each = (System.nanoTime() - s) / 1e9 / n;
      System.out.printf(
          "one message per UID FETCH: %.3f s per message over %d messages; %d messages would take ~%.0f s%n",
          each, n, count, each * count);
    }
  }

  /** Samples the heap used every 10 ms. */
  private static final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean on = true;
    private final Thread thread;

    HeapWatch() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      thread =
          new Thread(
              () -> {
                while (on) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    long stop() throws InterruptedException {
      on = false;
      thread.join();
      return peak.get();
    }
  }
}
