package dev.rapport.doctor;

import dev.rapport.RapportException;
import dev.rapport.config.Config;
import dev.rapport.mail.ConnectFailures;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailAccounts;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Logs in to the IMAP server and names the folders rapport will use: the inbox it reads and the
 * Sent folder it copies sent mail into. Reads the folder list only; changes nothing.
 */
public final class ImapCheck {
  private static final List<String> USUAL_SENT = dev.rapport.outbox.SentPolicy.USUAL_NAMES;

  private ImapCheck() {}

  public static List<Finding> run(Config.Imap imap, Map<String, String> env) {
    return run(imap, env, null);
  }

  /** {@code token} signs in when imap.auth is oauth2. */
  public static List<Finding> run(
      Config.Imap imap, Map<String, String> env, dev.rapport.mail.BearerToken token) {
    if (imap.password() != null
        && imap.password().envVariable() != null
        && isBlank(env.get(imap.password().envVariable()))) {
      return List.of(); // the password check already says the variable is missing
    }
    return run(imap, MailAccounts.imap(imap, env, token));
  }

  /** The checks against the given endpoint of the configured account. */
  static List<Finding> run(Config.Imap imap, Endpoint e) {
    List<Finding> out = new ArrayList<>();
    String protocol = MailSessions.imapProtocol(e);
    try (Store store = MailSessions.forCheck(MailSessions.imap(e), protocol).getStore(protocol)) {
      MailLogin.connect(store, e);
      out.add(Finding.ok("imap login", "logged in to " + e));
      Folder inbox = store.getFolder(imap.inbox());
      out.add(
          inbox.exists()
              ? Finding.ok("imap folders", "reads " + imap.inbox() + " (read only, never changed)")
              : Finding.fail(
                  "imap folders",
                  "there is no folder " + imap.inbox() + " on " + imap.host(),
                  "set imap.inbox to the folder replies arrive in (usually INBOX)"));
      out.add(sent(store, imap.sent()));
    } catch (MessagingException x) {
      Optional<Finding> cert =
          CertificateAdvice.of("imap login", e, "imap", ConnectFailures.describe(x, "IMAP"));
      if (cert.isPresent()) {
        out.add(cert.get());
        return out;
      }
      out.add(
          Finding.fail(
              "imap login",
              ConnectFailures.describe(x, "IMAP"),
              fix(ConnectFailures.describe(x, "IMAP"), e)));
    } catch (RapportException x) {
      out.add(
          Finding.fail(
              "imap login",
              x.getMessage(),
              e.password() instanceof dev.rapport.mail.BearerToken
                  ? "rapport login signs in again; check the oauth2 section"
                  : "check imap.password_env or imap.password_command"));
    }
    return out;
  }

  private static Finding sent(Store store, String setting) throws MessagingException {
    String mode = setting.toLowerCase(java.util.Locale.ROOT);
    if (mode.equals("none") || mode.equals("server")) {
      return Finding.ok(
          "sent folder", mode + ": your server files sent mail itself, rapport copies nothing");
    }
    Folder[] all = store.getDefaultFolder().list("*");
    if (!mode.equals("auto") && !mode.equals("append")) {
      return Arrays.stream(all).anyMatch(f -> f.getFullName().equals(setting))
          ? Finding.ok("sent folder", "copies of sent mail go to " + setting)
          : Finding.fail(
              "sent folder",
              "there is no folder " + setting,
              "set imap.sent to an existing folder, auto, append or server");
    }
    String how = "";
    Optional<String> special =
        Arrays.stream(all)
            .filter(f -> f instanceof IMAPFolder i && hasSentAttribute(i))
            .map(Folder::getFullName)
            .findFirst();
    if (special.isPresent())
      return Finding.ok(
          "sent folder", "copies of sent mail go to " + special.get() + " (marked \\Sent)" + how);
    for (String name : USUAL_SENT) {
      for (Folder f : all) {
        if (f.getFullName().equalsIgnoreCase(name))
          return Finding.ok("sent folder", "copies of sent mail go to " + f.getFullName() + how);
      }
    }
    return Finding.warn(
        "sent folder",
        "no folder is marked \\Sent or named Sent, Sent Items or Sent Messages: sent mail gets no copy",
        "set imap.sent to the name of your Sent folder, or to server if your server files sent mail itself");
  }

  private static boolean hasSentAttribute(IMAPFolder folder) {
    try {
      return Arrays.stream(folder.getAttributes()).anyMatch(a -> a.equalsIgnoreCase("\\Sent"));
    } catch (MessagingException e) {
      return false;
    }
  }

  static String fix(String problem, Endpoint e) {
    if (problem.contains("DNS")) return "check imap.host: this machine cannot resolve it";
    if (problem.contains("did not answer") && e.security() != Config.Security.TLS)
      // A TLS port (993) waits for the client's TLS hello while the client waits for a greeting.
      return "the server said nothing: port "
          + e.port()
          + " may expect TLS from the first byte; try imap.security: tls (usually on 993),"
          + " or starttls on 143";
    if (problem.contains("TLS"))
      return "check imap.security and imap.port (usually tls on 993, starttls on 143)";
    if (problem.contains("login"))
      return "check imap.username and the password your password_env or password_command gives";
    return "check imap.host and imap.port, and that this machine may reach them";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}
