package dev.rapport.bench;

import dev.rapport.mail.NoDelaySockets;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * The yardstick of the sending figure: a plain Jakarta Mail client doing the work {@code sync} does
 * for N approved drafts, with none of its bookkeeping: N SMTP sends over one reused connection,
 * then N IMAP APPENDs of the Sent copies over one reused connection, both with TCP_NODELAY. Run in
 * its own JVM by {@link Bench}, so that its figure includes a JVM start as {@code sync}'s does.
 * Prints "smtpMillis appendMillis". Args: smtpPort imapPort user password n.
 */
public final class PlainClient {
  private PlainClient() {}

  public static void main(String[] args) throws Exception {
    int smtpPort = Integer.parseInt(args[0]);
    int imapPort = Integer.parseInt(args[1]);
    String user = args[2];
    String password = args[3];
    int n = Integer.parseInt(args[4]);
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(smtpPort));
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
    p.put("mail.imap.host", "127.0.0.1");
    p.put("mail.imap.port", String.valueOf(imapPort));
    p.put("mail.imap.socketFactory", NoDelaySockets.INSTANCE);
    Session s = Session.getInstance(p);
    MimeMessage[] sent = new MimeMessage[n];
    long start = System.nanoTime();
    try (Transport t = s.getTransport("smtp")) {
      t.connect(user, password);
      for (int i = 0; i < n; i++) {
        MimeMessage m = message(s, user, i);
        t.sendMessage(m, m.getAllRecipients());
        sent[i] = m;
      }
    }
    long smtp = System.nanoTime();
    Store store = s.getStore("imap");
    store.connect(user, password);
    try {
      Folder f = store.getFolder("Sent");
      if (!f.exists()) f.create(Folder.HOLDS_MESSAGES);
      for (MimeMessage m : sent) {
        m.setFlag(Flags.Flag.SEEN, true);
        f.appendMessages(new Message[] {m});
      }
    } finally {
      store.close();
    }
    long end = System.nanoTime();
    System.out.println((smtp - start) / 1_000_000 + " " + (end - smtp) / 1_000_000);
  }

  /** About the size and shape of an outreach draft rendered from the bundled template. */
  private static MimeMessage message(Session s, String from, int i) throws Exception {
    MimeMessage m = new MimeMessage(s);
    m.setFrom(new InternetAddress(from, "Ada Bench", "UTF-8"));
    m.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress("person" + i + "@example.net", "Person " + i, "UTF-8"));
    m.setSubject("A question about your work at Company " + i, "UTF-8");
    m.setText(
        ("Hello Person "
                    + i
                    + ",\n\nI am exploring product roles and your path interests me. Would you have"
                    + " 30 minutes for a call, at your convenience, in the coming weeks?\n\n")
                .repeat(3)
            + "Ada\n",
        "UTF-8");
    m.saveChanges();
    return m;
  }
}
