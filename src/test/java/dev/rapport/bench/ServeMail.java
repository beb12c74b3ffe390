package dev.rapport.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * For profiling by hand: the bench's GreenMail on two free loopback ports, printed as "smtp imap".
 * Each line "purge" on stdin empties the mailboxes (keeping a Sent folder); end of input stops it.
 */
public final class ServeMail {
  private ServeMail() {}

  public static void main(String[] args) throws Exception {
    GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    try {
      mail.setUser(Bench.USER, Bench.USER, Bench.PASSWORD);
      Bench.fresh(mail);
      System.out.println(mail.getSmtp().getPort() + " " + mail.getImap().getPort());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (l.strip().equals("purge")) Bench.fresh(mail);
        System.out.println("received " + mail.getReceivedMessages().length);
        System.out.flush();
      }
    } finally {
      mail.stop();
    }
  }
}
