package dev.rapport.setup;

import static dev.rapport.config.Config.Security.STARTTLS;
import static dev.rapport.config.Config.Security.TLS;

import dev.rapport.setup.Provider.SignIn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The big providers by heart: by the domain of an address, by the host of a domain's MX record (a
 * company domain hosted by Google or Microsoft), and by SMTP host (for {@code doctor}'s check of
 * {@code pacing.max_per_day}). Settings as the providers publish them.
 */
public final class ProviderTable {
  static final String GMAIL_ADVICE =
      "Gmail refuses your Google password in mail programs. Sign in with OAuth2 (rapport login), or"
          + " make an app password (needs 2-Step Verification): Google Account > Security >"
          + " App passwords; docs/ACCOUNTS.md shows both.";
  static final String MICROSOFT_ADVICE =
      "Microsoft refuses passwords for mail programs (\"basic authentication is disabled\"):"
          + " rapport signs in with OAuth2 (rapport login); docs/ACCOUNTS.md shows how to register"
          + " the app id it needs.";

  public static final Provider GMAIL =
      new Provider(
          "Gmail",
          new Server("imap.gmail.com", 993, TLS),
          new Server("smtp.gmail.com", 465, TLS),
          SignIn.OAUTH2_OR_APP_PASSWORD,
          "google",
          false,
          true,
          500,
          GMAIL_ADVICE);
  public static final Provider GOOGLE_WORKSPACE =
      new Provider(
          "Google Workspace",
          GMAIL.imap(),
          GMAIL.smtp(),
          SignIn.OAUTH2_OR_APP_PASSWORD,
          "google",
          false,
          true,
          2000,
          GMAIL_ADVICE
              + " Your administrator may have turned app passwords off; OAuth2 still works.");
  public static final Provider OUTLOOK =
      new Provider(
          "Outlook.com",
          new Server("outlook.office365.com", 993, TLS),
          new Server("smtp-mail.outlook.com", 587, STARTTLS),
          SignIn.OAUTH2,
          "microsoft",
          false,
          true,
          300,
          MICROSOFT_ADVICE);
  public static final Provider MICROSOFT_365 =
      new Provider(
          "Microsoft 365",
          new Server("outlook.office365.com", 993, TLS),
          new Server("smtp.office365.com", 587, STARTTLS),
          SignIn.OAUTH2,
          "microsoft",
          false,
          true,
          10_000,
          MICROSOFT_ADVICE
              + " Your administrator must allow IMAP and authenticated SMTP for your mailbox.");
  public static final Provider ICLOUD =
      new Provider(
          "iCloud Mail",
          new Server("imap.mail.me.com", 993, TLS),
          new Server("smtp.mail.me.com", 587, STARTTLS),
          SignIn.APP_PASSWORD,
          null,
          true,
          null,
          1000,
          "iCloud needs an app-specific password: appleid.apple.com > Sign-In and Security >"
              + " App-Specific Passwords (needs two-factor authentication).");
  public static final Provider YAHOO =
      new Provider(
          "Yahoo Mail",
          new Server("imap.mail.yahoo.com", 993, TLS),
          new Server("smtp.mail.yahoo.com", 465, TLS),
          SignIn.APP_PASSWORD,
          null,
          false,
          null,
          500,
          "Yahoo needs an app password: Account Info > Account Security > Generate app password.");
  public static final Provider FASTMAIL =
      new Provider(
          "Fastmail",
          new Server("imap.fastmail.com", 993, TLS),
          new Server("smtp.fastmail.com", 465, TLS),
          SignIn.APP_PASSWORD,
          null,
          false,
          null,
          null,
          "Fastmail needs an app password with IMAP and SMTP access: Settings > Privacy & Security >"
              + " App passwords.");
  public static final Provider GMX =
      new Provider(
          "GMX",
          new Server("imap.gmx.net", 993, TLS),
          new Server("mail.gmx.net", 587, STARTTLS),
          SignIn.PASSWORD,
          null,
          false,
          null,
          null,
          "GMX lets mail programs in only once you allow it: Settings > POP3 & IMAP > allow access.");
  public static final Provider GMX_COM =
      new Provider(
          "GMX",
          new Server("imap.gmx.com", 993, TLS),
          new Server("mail.gmx.com", 587, STARTTLS),
          SignIn.PASSWORD,
          null,
          false,
          null,
          null,
          GMX.advice());
  public static final Provider WEB_DE =
      new Provider(
          "WEB.DE",
          new Server("imap.web.de", 993, TLS),
          new Server("smtp.web.de", 587, STARTTLS),
          SignIn.PASSWORD,
          null,
          false,
          null,
          null,
          "WEB.DE lets mail programs in only once you allow it: Einstellungen > POP3/IMAP Abruf >"
              + " allow access.");
  public static final Provider PROTON_BRIDGE =
      new Provider(
          "Proton Mail (through Proton Mail Bridge)",
          new Server("127.0.0.1", 1143, STARTTLS),
          new Server("127.0.0.1", 1025, STARTTLS),
          SignIn.PASSWORD,
          null,
          false,
          true,
          null,
          "Proton Mail works through Proton Mail Bridge on this machine: start Bridge, and use the"
              + " user name and password Bridge shows for the account (not your Proton password)."
              + " Bridge's certificate is its own: setup offers to pin it (imap.trust, smtp.trust).");

  private static final Map<String, Provider> BY_DOMAIN =
      Map.ofEntries(
          Map.entry("gmail.com", GMAIL),
          Map.entry("googlemail.com", GMAIL),
          Map.entry("outlook.com", OUTLOOK),
          Map.entry("hotmail.com", OUTLOOK),
          Map.entry("hotmail.co.uk", OUTLOOK),
          Map.entry("hotmail.de", OUTLOOK),
          Map.entry("hotmail.fr", OUTLOOK),
          Map.entry("outlook.de", OUTLOOK),
          Map.entry("outlook.fr", OUTLOOK),
          Map.entry("live.com", OUTLOOK),
          Map.entry("live.de", OUTLOOK),
          Map.entry("live.co.uk", OUTLOOK),
          Map.entry("msn.com", OUTLOOK),
          Map.entry("icloud.com", ICLOUD),
          Map.entry("me.com", ICLOUD),
          Map.entry("mac.com", ICLOUD),
          Map.entry("yahoo.com", YAHOO),
          Map.entry("yahoo.co.uk", YAHOO),
          Map.entry("yahoo.de", YAHOO),
          Map.entry("yahoo.fr", YAHOO),
          Map.entry("ymail.com", YAHOO),
          Map.entry("rocketmail.com", YAHOO),
          Map.entry("fastmail.com", FASTMAIL),
          Map.entry("fastmail.fm", FASTMAIL),
          Map.entry("gmx.net", GMX),
          Map.entry("gmx.de", GMX),
          Map.entry("gmx.at", GMX),
          Map.entry("gmx.ch", GMX),
          Map.entry("gmx.com", GMX_COM),
          Map.entry("web.de", WEB_DE),
          Map.entry("proton.me", PROTON_BRIDGE),
          Map.entry("protonmail.com", PROTON_BRIDGE),
          Map.entry("protonmail.ch", PROTON_BRIDGE),
          Map.entry("pm.me", PROTON_BRIDGE));

  /** MX host suffixes of domains hosted by a provider, most specific first. */
  private static final List<Map.Entry<String, Provider>> BY_MX =
      List.of(
          Map.entry("aspmx.l.google.com", GOOGLE_WORKSPACE),
          Map.entry("googlemail.com", GOOGLE_WORKSPACE),
          Map.entry("smtp.google.com", GOOGLE_WORKSPACE),
          Map.entry("mail.protection.outlook.com", MICROSOFT_365),
          Map.entry("messagingengine.com", FASTMAIL),
          Map.entry("mail.icloud.com", ICLOUD),
          Map.entry("protonmail.ch", PROTON_BRIDGE));

  private ProviderTable() {}

  /** The provider of an address's domain, when it is one of the big ones. */
  public static Optional<Provider> byDomain(String domain) {
    return Optional.ofNullable(BY_DOMAIN.get(normal(domain)));
  }

  /** The provider that hosts a domain whose mail exchanger is {@code mxHost}. */
  public static Optional<Provider> byMxHost(String mxHost) {
    String h = normal(mxHost);
    for (Map.Entry<String, Provider> e : BY_MX) {
      if (h.equals(e.getKey()) || h.endsWith("." + e.getKey())) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  /**
   * The provider behind an SMTP host and the address sent from: the daily limit differs between
   * Gmail and Google Workspace, which share a host.
   */
  public static Optional<Provider> bySmtpHost(String smtpHost, String address) {
    String h = normal(smtpHost);
    String domain = normal(address.substring(address.indexOf('@') + 1));
    if (h.equals("smtp.gmail.com") || h.equals("smtp.googlemail.com"))
      return Optional.of(byDomain(domain).orElse(GOOGLE_WORKSPACE));
    if (h.equals("smtp-mail.outlook.com")) return Optional.of(OUTLOOK);
    if (h.equals("smtp.office365.com"))
      return Optional.of(byDomain(domain).filter(p -> p == OUTLOOK).orElse(MICROSOFT_365));
    for (Provider p : List.of(ICLOUD, YAHOO, FASTMAIL, GMX, GMX_COM, WEB_DE)) {
      if (p.smtp().host().equals(h)) return Optional.of(p);
    }
    return Optional.empty();
  }

  private static String normal(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
