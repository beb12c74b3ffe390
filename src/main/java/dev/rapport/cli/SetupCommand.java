package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.config.ConfigException;
import dev.rapport.config.ConfigLoader;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.doctor.Finding;
import dev.rapport.doctor.ImapCheck;
import dev.rapport.doctor.OutboxCheck;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.Endpoint;
import dev.rapport.oauth.Login;
import dev.rapport.oauth.SignIns;
import dev.rapport.setup.Account;
import dev.rapport.setup.Autoconfig;
import dev.rapport.setup.Discovery;
import dev.rapport.setup.DnsJava;
import dev.rapport.setup.Found;
import dev.rapport.setup.Provider;
import dev.rapport.setup.Server;
import dev.rapport.setup.SetupWriter;
import dev.rapport.setup.SetupYaml;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code setup}: asks for the address, finds the servers ({@link Discovery}), picks sign-in and the
 * provider's habits, tests both logins and the folders with doctor's checks, and writes the config
 * (an existing one kept as a backup). Questions are read line by line, so piped answers work too.
 * {@code RAPPORT_SETUP_AUTOCONFIG} (URL templates, comma-separated) and {@code RAPPORT_SETUP_DNS}
 * (host:port) point discovery elsewhere: tests use stand-ins on 127.0.0.1.
 */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description =
        "Find your mail account's servers and sign-in, test them, and write config/rapport.yaml"
            + " (an existing file is kept as a backup).")
final class SetupCommand extends AppCommand {
  private static final Pattern FINGERPRINT =
      Pattern.compile("SHA256:[0-9A-F]{2}(:[0-9A-F]{2}){31}");
  static final String DEFAULT_PASSWORD_ENV = "RAPPORT_MAIL_PASSWORD";

  @Option(names = "--email", paramLabel = "ADDRESS", description = "Your address (else asked).")
  String email;

  @Option(names = "--print", description = "Print the YAML it would write, and exit.")
  boolean print;

  @Option(
      names = "--no-browser",
      description =
          "OAuth2: print one line 'Open <URL>' instead of opening a browser (as login --no-browser).")
  boolean noBrowser;

  @Option(
      names = "--device",
      description = "OAuth2: sign in with a code entered on any device (as login --device).")
  boolean device;

  private BufferedReader in;

  /** Questions and progress: on stderr with --print, so stdout holds the YAML alone. */
  private java.io.PrintWriter talk() {
    return print ? err() : out();
  }

  @Override
  public Integer call() {
    in = new BufferedReader(new InputStreamReader(root().in(), StandardCharsets.UTF_8));
    Map<String, String> env = root().env();
    String address = address();
    String name = required("Your name, as your mail is signed and sent from");

    talk().println("Looking for the servers of " + address + " …");
    Discovery.Result result = discovery(env).find(address);
    Found found = result.found().orElse(null);
    if (found == null) {
      talk().println("Nothing found. What was tried:");
      result.tried().forEach(t -> talk().println("  - " + t));
      talk()
          .println(
              "Enter the servers by hand (your provider's help pages name them), or end here.");
      found = byHand(address, "the servers of " + address + " were typed in");
    } else {
      talk().println("Found, from " + found.how() + ":");
      talk().println("  IMAP " + found.imap() + ", user " + found.imapUser());
      talk().println("  SMTP " + found.smtp() + ", user " + found.smtpUser());
      if (!yes("Use these servers?", true))
        found = byHand(address, "the servers of " + address + " were typed in");
    }
    found.provider().map(Provider::advice).ifPresent(a -> talk().println("Note: " + a));

    Account account = signIn(name, address, found);
    if (print) {
      out().print(SetupYaml.render(account, LocalDate.now(root().clock())));
      out().flush();
      return 0;
    }
    if (account.signIn() == Account.SignIn.PASSWORD) account = test(account, env);
    String yaml = SetupYaml.render(account, LocalDate.now(root().clock()));
    Path target = root().configFile();
    Optional<Path> backup = SetupWriter.write(target, yaml, root().clock());
    talk()
        .println(
            "Wrote "
                + target
                + backup.map(b -> " (the file that was there is kept as " + b + ")").orElse("")
                + ".");
    if (account.signIn() == Account.SignIn.OAUTH2) {
      signInAndTest(account, env);
    } else {
      talk()
          .println(
              "next: rapport doctor   (with "
                  + (account.passwordEnv() != null
                      ? account.passwordEnv() + " set"
                      : "your command")
                  + "), then rapport run");
    }
    return 0;
  }

  /**
   * OAuth2: with the config (and its oauth2 section) written, signs in as {@code rapport login}
   * would, then tests both logins with the new sign-in. A failure names the step and what to do;
   * the config stays, so {@code rapport login} and {@code doctor} can pick up from there.
   */
  private void signInAndTest(Account account, Map<String, String> env) {
    Config.Mail mail = parse(account).mail().orElseThrow();
    String again = "rapport login" + (device ? " --device" : noBrowser ? " --no-browser" : "");
    talk().println("Signing in with OAuth2 (as '" + again + "') …");
    try {
      Login login = new Login(mail.oauth2(), root().dataPath(), env, root().clock(), talk());
      Login.Result r = device ? login.onAnotherDevice() : login.inBrowser(!noBrowser);
      talk().println("  ok   oauth2       signed in to " + r.provider() + ", saved in " + r.file());
    } catch (RapportException e) {
      throw new RapportException(
          "Step 'sign in with OAuth2' failed: "
              + e.getMessage()
              + " Next: the config is written; once that is fixed run '"
              + again
              + "', then 'rapport doctor'.",
          e);
    }
    BearerToken token = SignIns.bearer(mail.oauth2(), root().dataPath(), env, root().clock());
    List<Finding> findings = new ArrayList<>();
    OutboxCheck.smtp(mail.smtp(), env, token).ifPresent(findings::add);
    findings.addAll(ImapCheck.run(mail.imap(), env, token));
    show(findings);
    findings.stream()
        .filter(f -> f.verdict() == Finding.Verdict.FAIL)
        .findFirst()
        .ifPresent(
            f -> {
              throw new RapportException(
                  "Step 'test the "
                      + (f.check().startsWith("smtp") ? "SMTP" : "IMAP")
                      + " login' failed: "
                      + f.message()
                      + ". Next: "
                      + (f.fix() == null ? "see above" : f.fix())
                      + "; the config and the sign-in are saved, 'rapport doctor' tests again.");
            });
    talk().println("next: rapport doctor, then rapport run");
  }

  private static Discovery discovery(Map<String, String> env) {
    String places = env.get("RAPPORT_SETUP_AUTOCONFIG");
    String dns = env.get("RAPPORT_SETUP_DNS");
    Autoconfig autoconfig =
        places == null || places.isBlank()
            ? Autoconfig.standard()
            : new Autoconfig(Arrays.stream(places.split(",")).map(String::strip).toList());
    if (dns == null || dns.isBlank()) return new Discovery(autoconfig, DnsJava.system());
    int colon = dns.lastIndexOf(':');
    return new Discovery(
        autoconfig,
        DnsJava.at(
            new InetSocketAddress(
                dns.substring(0, colon), Integer.parseInt(dns.substring(colon + 1)))));
  }

  private String address() {
    String a = email;
    while (true) {
      if (a == null) a = required("Your email address");
      try {
        return EmailAddresses.normalize(a.strip());
      } catch (IllegalArgumentException e) {
        if (email != null && a.equals(email))
          throw new RapportException(
              "Step 'your address' failed: " + e.getMessage() + ". Give --email a whole address.");
        talk().println("  " + e.getMessage());
        a = null;
      }
    }
  }

  private Found byHand(String address, String how) {
    String imapHost = required("IMAP server (host name)");
    int imapPort = port("IMAP port (993 for TLS, 143 for STARTTLS)", 993);
    String smtpHost = required("SMTP server (host name)");
    int smtpPort = port("SMTP port (465 for TLS, 587 for STARTTLS)", 587);
    String user = ask("User name", address);
    try {
      return new Found(
          new Server(imapHost, imapPort, imapPort == 143 ? Security.STARTTLS : Security.TLS),
          new Server(smtpHost, smtpPort, smtpPort == 465 ? Security.TLS : Security.STARTTLS),
          user,
          user,
          false,
          how,
          dev.rapport.setup.ProviderTable.bySmtpHost(smtpHost, address));
    } catch (IllegalArgumentException e) {
      throw new RapportException("Step 'the servers' failed: " + e.getMessage() + ".");
    }
  }

  private Account signIn(String name, String address, Found found) {
    Optional<Provider> p = found.provider();
    boolean oauth2;
    Provider.SignIn how = p.map(Provider::signIn).orElse(null);
    if (how == Provider.SignIn.OAUTH2 || (how == null && found.oauth2())) {
      talk()
          .println(
              "Sign-in: OAuth2 ("
                  + p.map(Provider::name).orElse("this server")
                  + " refuses passwords for mail programs).");
      oauth2 = true;
    } else if (how == Provider.SignIn.OAUTH2_OR_APP_PASSWORD) {
      String a = ask("Sign in with 1) OAuth2 or 2) an app password", "1");
      oauth2 = !a.strip().equals("2");
    } else {
      oauth2 = false;
    }
    String sent = Account.sentFor(p);
    ZoneId zone = ZoneId.systemDefault();
    if (oauth2) {
      String provider = p.map(Provider::oauth2).orElse(null);
      if (provider == null) return customOAuth2(name, address, found, sent, zone);
      talk()
          .println(
              "rapport ships no OAuth2 app of its own: docs/ACCOUNTS.md shows how to register one with "
                  + (provider.equals("google") ? "Google" : "Microsoft Entra")
                  + " in a few minutes.");
      String clientId = required("Its client id");
      return Account.oauth2(
          name, address, found, provider, clientId.strip(), sent, zone, null, List.of());
    }
    String kind =
        how == Provider.SignIn.APP_PASSWORD || how == Provider.SignIn.OAUTH2_OR_APP_PASSWORD
            ? "app password"
            : "password";
    talk()
        .println(
            "The "
                + kind
                + " is never written to the config: rapport reads it from an environment variable or"
                + " from a command that prints it (a password manager).");
    String from = ask("1) an environment variable or 2) a command", "1");
    if (from.strip().equals("2")) {
      String command = required("The command (e.g. pass show mail/" + address + ")");
      return Account.password(name, address, found, null, command, sent, zone);
    }
    String variable = ask("The variable's name", DEFAULT_PASSWORD_ENV);
    if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*"))
      throw new RapportException(
          "Step 'sign-in' failed: \""
              + variable
              + "\" is not an environment variable name (letters, digits and _).");
    return Account.password(name, address, found, variable, null, sent, zone);
  }

  /**
   * Both logins and the folders, with doctor's checks; a certificate that does not verify may be
   * pinned on the spot. A failed check asks before writing anything.
   */
  /** OAuth2 with a server rapport has no preset for: its issuer, discovered at sign-in. */
  private Account customOAuth2(String name, String address, Found found, String sent, ZoneId zone) {
    talk()
        .println(
            found.how()
                + " says this server wants OAuth2, and rapport has no preset for it. Give the issuer"
                + " URL of its authorization server (its endpoints are read from its discovery"
                + " document; docs/ACCOUNTS.md section 4).");
    String issuer = ask("Issuer URL (empty: end here)", "").strip();
    if (issuer.isEmpty()) {
      throw new RapportException(
          "Step 'sign-in' failed: no issuer given. Next: set oauth2.provider: custom with"
              + " authorize_url and token_url by hand (docs/ACCOUNTS.md section 4).");
    }
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw new RapportException("Step 'sign-in' failed: \"" + issuer + "\" is not a URL.");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean local =
        "http".equalsIgnoreCase(uri.getScheme())
            && uri.getHost() != null
            && Endpoint.isLoopback(uri.getHost());
    if (uri.getHost() == null || !(https || local)) {
      throw new RapportException(
          "Step 'sign-in' failed: the issuer must be an https:// URL (http:// only on this"
              + " machine), not \""
              + issuer
              + "\".");
    }
    String clientId = required("The client id registered there").strip();
    String scopes =
        ask("Scopes to ask for, separated by spaces (empty: offline_access, if offered)", "");
    return Account.oauth2(
        name,
        address,
        found,
        "custom",
        clientId,
        sent,
        zone,
        issuer,
        List.of(scopes.strip().split("\\s+")).stream().filter(x -> !x.isEmpty()).toList());
  }

  private Account test(Account account, Map<String, String> processEnv) {
    Map<String, String> env = new HashMap<>(processEnv);
    if (account.passwordEnv() != null) {
      String v = env.get(account.passwordEnv());
      if (v == null || v.isEmpty()) {
        String typed = secret(account.passwordEnv());
        if (typed == null || typed.isEmpty()) {
          talk()
              .println(
                  "Not tested: "
                      + account.passwordEnv()
                      + " is not set. After 'export "
                      + account.passwordEnv()
                      + "=…', rapport doctor tests both logins.");
          return account;
        }
        env.put(account.passwordEnv(), typed);
      }
    }
    for (int round = 0; round < 3; round++) {
      List<Finding> findings = check(account, env);
      show(findings);
      List<Finding> failed =
          findings.stream().filter(f -> f.verdict() == Finding.Verdict.FAIL).toList();
      if (failed.isEmpty()) return account;
      Account pinned = offerPins(account, failed);
      if (pinned != account) {
        account = pinned;
        continue;
      }
      Finding first = failed.get(0);
      talk()
          .println(
              "Step 'test the "
                  + (first.check().startsWith("smtp") ? "SMTP" : "IMAP")
                  + " login' failed: "
                  + first.message()
                  + ". Next: "
                  + (first.fix() == null ? "see above" : first.fix())
                  + ".");
      if (!yes("Write the config anyway (and fix it later)?", false))
        throw new RapportException(
            "Nothing written. Run 'rapport setup' again once the step above is fixed.");
      return account;
    }
    return account;
  }

  private void show(List<Finding> findings) {
    findings.forEach(
        f -> {
          talk()
              .printf(
                  "  %-4s %-12s %s%n",
                  f.verdict() == Finding.Verdict.OK ? "ok" : f.verdict().name(),
                  f.check(),
                  f.message());
          if (f.fix() != null) talk().printf("  %-4s %-12s fix: %s%n", "", "", f.fix());
        });
  }

  private Config parse(Account account) {
    try {
      return ConfigLoader.parse(SetupYaml.render(account, LocalDate.now(root().clock())), null);
    } catch (ConfigException e) {
      throw new RapportException(
          "Step 'make the config' failed: " + e.getMessage() + ". This is a bug in setup.", e);
    }
  }

  private List<Finding> check(Account account, Map<String, String> env) {
    Config.Mail mail = parse(account).mail().orElseThrow();
    List<Finding> findings = new ArrayList<>();
    OutboxCheck.smtp(mail.smtp(), env).ifPresent(findings::add);
    findings.addAll(ImapCheck.run(mail.imap(), env));
    return findings;
  }

  private Account offerPins(Account account, List<Finding> failed) {
    String imap = account.imapTrust();
    String smtp = account.smtpTrust();
    for (Finding f : failed) {
      Matcher m = FINGERPRINT.matcher(f.message());
      if (!m.find() || !f.message().contains("was refused")) continue;
      boolean isImap = f.check().startsWith("imap");
      if ((isImap ? imap : smtp) != null) continue;
      if (yes(
          "Pin this certificate for "
              + (isImap ? "IMAP" : "SMTP")
              + " (only if its fingerprint is the one your server shows)?",
          false)) {
        if (isImap) imap = m.group();
        else smtp = m.group();
      }
    }
    if (imap == account.imapTrust() && smtp == account.smtpTrust()) return account;
    return account.withTrust(imap, smtp);
  }

  private String secret(String variable) {
    String prompt =
        variable
            + " is not set here. Type the password to test the login now (not saved; empty"
            + " to skip)";
    Console console = System.console();
    if (console != null && root().in() == System.in) {
      char[] pw = console.readPassword("%s: ", prompt);
      return pw == null ? null : new String(pw);
    }
    return line(prompt);
  }

  private int port(String prompt, int fallback) {
    while (true) {
      String a = ask(prompt, String.valueOf(fallback));
      try {
        int p = Integer.parseInt(a.strip());
        if (p >= 1 && p <= 65535) return p;
      } catch (NumberFormatException e) {
        // asked again
      }
      talk().println("  A port is a number from 1 to 65535.");
    }
  }

  private boolean yes(String prompt, boolean fallback) {
    String a = line(prompt + (fallback ? " [Y/n]" : " [y/N]"));
    if (a == null || a.isBlank()) return fallback;
    return a.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }

  private String ask(String prompt, String fallback) {
    String a = line(prompt + " [" + fallback + "]");
    return a == null || a.isBlank() ? fallback : a.strip();
  }

  private String required(String prompt) {
    for (int i = 0; i < 3; i++) {
      String a = line(prompt);
      if (a == null) break;
      if (!a.isBlank()) return a.strip();
    }
    throw new RapportException(
        "Step '"
            + prompt.toLowerCase(Locale.ROOT)
            + "' got no answer (input ended). Run 'rapport setup' in a terminal, or pipe one"
            + " answer per line.");
  }

  /** One answer; null at the end of the input. */
  private String line(String prompt) {
    talk().print(prompt + ": ");
    talk().flush();
    try {
      String l = in.readLine();
      if (l == null) talk().println();
      return l;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
