package dev.rapport.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.draft.DraftKind;
import dev.rapport.store.Sql;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sends N messages to a loopback GreenMail, four ways: a plain Jakarta Mail client over one reused
 * connection (the reference), the same client with one connection per message, the outbox's batch
 * (one connection, two commits per draft, no Sent copy), and the outbox one draft per pass (a
 * connection each, as when approvals trickle in one by one). Run: {@code mvn -q -o test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) dev.rapport.outbox.SendBench [n
 * [batch]]}. A benchmark, not a test: timings are printed, never asserted.
 */
public final class SendBench {
  private SendBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    boolean all =
        args.length < 2
            || !args[1].equals(
                "batch"); // "batch": only the two one-connection ways (for profiling)
    GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser(OutboxFixture.ME.email(), OutboxFixture.ME.email(), OutboxFixture.PASSWORD);
    try {
      for (int round = 1; round <= 2; round++) {
        System.out.printf("round %d, %d messages each%n", round, n);
        report("plain client, one connection", n, plainReused(mail, n));
        mail.purgeEmailFromAllMailboxes();
        report("outbox batch, one connection", n, outbox(mail, n, false));
        mail.purgeEmailFromAllMailboxes();
        if (!all) continue;
        report("plain client, one connection per message", n, plainEach(mail, n));
        mail.purgeEmailFromAllMailboxes();
        report("outbox, one draft per pass (own connection)", n, outbox(mail, n, true));
        mail.purgeEmailFromAllMailboxes();
      }
    } finally {
      mail.stop();
    }
  }

  private static void report(String what, int n, long nanos) {
    double s = nanos / 1e9;
    System.out.printf("  %-46s %7.2f s  %7.0f msg/s%n", what, s, n / s);
  }

  private static Session session(GreenMail mail) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    p.put("mail.smtp.auth", "true");
    return Session.getInstance(p);
  }

  private static MimeMessage message(Session s, int i) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress(OutboxFixture.ME.email(), OutboxFixture.ME.name(), "UTF-8"));
    m.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress("person" + i + "@example.net", "Person " + i, "UTF-8"));
    m.setSubject("A question about your work " + i, "UTF-8");
    m.setText("Hello Person " + i + ",\n\nwould you have 30 minutes for a call?\n\nZoë\n", "UTF-8");
    m.saveChanges();
    return m;
  }

  private static long plainReused(GreenMail mail, int n) throws Exception {
    Session s = session(mail);
    long start = System.nanoTime();
    try (Transport t = s.getTransport("smtp")) {
      t.connect(OutboxFixture.ME.email(), OutboxFixture.PASSWORD);
      for (int i = 0; i < n; i++) {
        MimeMessage m = message(s, i);
        t.sendMessage(m, m.getAllRecipients());
      }
    }
    return System.nanoTime() - start;
  }

  private static long plainEach(GreenMail mail, int n) throws Exception {
    Session s = session(mail);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Transport.send(message(s, i), OutboxFixture.ME.email(), OutboxFixture.PASSWORD);
    }
    return System.nanoTime() - start;
  }

  private static long outbox(GreenMail mail, int n, boolean onePerPass) throws Exception {
    Path dir = Files.createTempDirectory("rapport-send-bench");
    try (OutboxFixture f = new OutboxFixture(dir, Instant.now())) {
      List<Long> drafts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long c = f.contact("Person " + i, "person" + i + "@example.net");
        drafts.add(
            f.approved(
                c,
                DraftKind.OUTREACH,
                "A question about your work " + i,
                "Hello Person " + i + ",\n\nwould you have 30 minutes for a call?\n\nZoë\n"));
      }
      if (onePerPass) f.db.transaction(c -> Sql.update(c, "UPDATE draft SET status = 'PENDING'"));
      OutboxService outbox = f.service(OutboxFixture.always());
      OutboxMail route =
          OutboxFixture.mail(
              mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.fromConfig("none"));
      long start = System.nanoTime();
      int sent = 0;
      if (onePerPass) {
        for (long d : drafts) {
          f.set(d, "status = 'APPROVED'");
          sent += outbox.sendDue(route).sent();
        }
      } else {
        sent = outbox.sendDue(route).sent();
      }
      long took = System.nanoTime() - start;
      if (sent != n) throw new IllegalStateException("sent " + sent + " of " + n);
      return took;
    }
  }
}
