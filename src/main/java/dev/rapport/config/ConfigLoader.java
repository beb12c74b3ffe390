package dev.rapport.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rapport.config.Config.Auth;
import dev.rapport.config.Config.Cadence;
import dev.rapport.config.Config.Dashboard;
import dev.rapport.config.Config.Digest;
import dev.rapport.config.Config.Imap;
import dev.rapport.config.Config.Mail;
import dev.rapport.config.Config.Me;
import dev.rapport.config.Config.OAuth2;
import dev.rapport.config.Config.Pacing;
import dev.rapport.config.Config.Security;
import dev.rapport.config.Config.Smtp;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.contact.HeaderText;
import dev.rapport.mail.TlsTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads {@code config/rapport.yaml} into a {@link Config}. Unknown keys, wrong types and missing
 * required keys are refused with the key's path; no file at all means sandbox defaults.
 */
public final class ConfigLoader {
  static final Me SANDBOX_ME = new Me("Sandbox User", "me@rapport.test", "Sandbox User", "");

  private ConfigLoader() {}

  /**
   * Loads the file at {@code path}, or the sandbox defaults when it does not exist and {@code
   * explicit} is false.
   */
  public static Config load(Path path, boolean explicit) {
    return load(path, explicit, UnaryOperator.identity());
  }

  /**
   * As above; {@code templates} turns the configured templates folder into the one to use (a
   * relative path resolved as {@link Places} says).
   */
  public static Config load(Path path, boolean explicit, UnaryOperator<Path> templates) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      if (explicit) throw new ConfigException("Config file " + path + " does not exist.");
      return sandboxDefaults(templates);
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage(), e);
    }
    try {
      return parse(text, path, templates);
    } catch (ConfigException e) {
      String m = e.getMessage();
      throw new ConfigException(path + (m.startsWith("line ") ? " " : ": ") + m, e);
    }
  }

  /**
   * The defaults with no file; without the YAML parser, which costs every command ~150 ms to load.
   */
  public static Config sandboxDefaults() {
    return sandboxDefaults(UnaryOperator.identity());
  }

  /** As above, with the templates folder made as {@link #load(Path, boolean, UnaryOperator)}. */
  public static Config sandboxDefaults(UnaryOperator<Path> templates) {
    return read(JsonNodeFactory.instance.objectNode(), null, templates);
  }

  /** Reads config text; {@code source} names where it came from (null for none). */
  public static Config parse(String yaml, Path source) {
    return parse(yaml, source, UnaryOperator.identity());
  }

  static Config parse(String yaml, Path source, UnaryOperator<Path> templatesFolder) {
    JsonNode tree;
    try {
      tree = YamlTree.read(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new ConfigException(where + "not valid YAML (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) { // read from a String: only what the parser itself refuses
      throw new ConfigException("not valid YAML (" + e.getMessage() + ")", e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull())
      tree = JsonNodeFactory.instance.objectNode();
    if (!tree.isObject()) throw new ConfigException("expected a mapping of keys at the top level");
    YamlLines lines = YamlLines.of(yaml);
    try {
      return read(tree, source, templatesFolder);
    } catch (ConfigException e) {
      throw new ConfigException(lines.locate(e.getMessage()), e);
    }
  }

  private static Config read(JsonNode tree, Path source, UnaryOperator<Path> templatesFolder) {
    YamlSection root = YamlSection.root(tree);
    Me me = root.section("me").map(ConfigLoader::me).orElse(null);
    Optional<YamlSection> smtp = root.section("smtp");
    Optional<YamlSection> imap = root.section("imap");
    Optional<YamlSection> oauth2 = root.section("oauth2");
    Cadence cadence = cadence(root.section("cadence"));
    Pacing pacing = pacing(root.section("pacing"));
    Digest digest = digest(root.section("digest"));
    Path templates = templatesFolder.apply(Path.of(root.string("templates").orElse("templates")));
    Dashboard dashboard =
        new Dashboard(root.section("dashboard").map(ConfigLoader::dashboardPort).orElse(7077));
    Config.Method method = method(root);
    root.refuseUnknownKeys();

    if (smtp.isPresent() != imap.isPresent()) {
      throw new ConfigException(
          (smtp.isPresent() ? "imap" : "smtp")
              + ": required key is missing (smtp and imap are configured together; leave both out for the sandbox)");
    }
    Optional<Mail> mail =
        smtp.map(
            s ->
                new Mail(smtp(s), imap(imap.get()), oauth2.map(ConfigLoader::oauth2).orElse(null)));
    if (mail.isPresent() && mail.get().usesOAuth2() && mail.get().oauth2() == null) {
      throw root.missing(
          "oauth2", "the oauth2 section, because smtp or imap signs in with auth: oauth2");
    }
    if (mail.isPresent() && me == null) {
      throw root.missing("me", "your name and email address, which mail is sent from");
    }
    if (me == null) me = SANDBOX_ME;
    pacing = ProviderCeiling.apply(pacing, mail, me);
    return new Config(
        me,
        mail,
        cadence,
        pacing,
        digest,
        templates,
        dashboard,
        Optional.ofNullable(source),
        method);
  }

  private static Config.Method method(YamlSection root) {
    Optional<String> value = root.string("method");
    if (value.isEmpty()) return Config.Method.OFF;
    return Config.Method.parse(value.get())
        .orElseThrow(
            () ->
                new ConfigException(
                    root.pathOf("method")
                        + ": expected off or two-hour, but found \""
                        + value.get()
                        + "\""));
  }

  private static Me me(YamlSection s) {
    String name = headerSafe(s, "name", s.requiredString("name"));
    String email = s.requiredString("email");
    try {
      email = EmailAddresses.normalize(email);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(s.pathOf("email") + ": " + e.getMessage());
    }
    String signature = s.string("signature").orElse(name);
    String pitch = s.string("pitch").orElse("");
    s.refuseUnknownKeys();
    return new Me(name, email, signature, pitch);
  }

  private static Smtp smtp(YamlSection s) {
    String host = s.requiredString("host");
    Security security = security(s, Security.STARTTLS);
    int port = s.integer("port", 1, 65535).orElse(security == Security.TLS ? 465 : 587);
    String username = s.requiredString("username");
    Auth auth = auth(s);
    PasswordSource password = auth == Auth.PASSWORD ? password(s) : noPassword(s);
    String trust = trust(s);
    s.refuseUnknownKeys();
    return new Smtp(host, port, security, username, password, auth, trust);
  }

  private static Imap imap(YamlSection s) {
    String host = s.requiredString("host");
    Security security = security(s, Security.TLS);
    int port = s.integer("port", 1, 65535).orElse(security == Security.TLS ? 993 : 143);
    String username = s.requiredString("username");
    Auth auth = auth(s);
    PasswordSource password = auth == Auth.PASSWORD ? password(s) : noPassword(s);
    String inbox = s.string("inbox").orElse("INBOX");
    String sent = s.string("sent").orElse("auto");
    boolean idle = s.bool("idle").orElse(true);
    Duration poll = s.duration("poll").orElse(Duration.ofSeconds(60));
    Duration firstScan = s.duration("first_scan").orElse(Duration.ofDays(30));
    String trust = trust(s);
    s.refuseUnknownKeys();
    return new Imap(
        host, port, security, username, password, inbox, sent, idle, poll, firstScan, auth, trust);
  }

  private static Security security(YamlSection s, Security fallback) {
    Optional<String> value = s.string("security");
    if (value.isEmpty()) return fallback;
    try {
      return Security.valueOf(value.get().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          s.pathOf("security")
              + ": expected starttls, tls or none, but found \""
              + value.get()
              + "\"");
    }
  }

  private static Auth auth(YamlSection s) {
    Optional<String> value = s.string("auth");
    if (value.isEmpty()) return Auth.PASSWORD;
    return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
      case "password" -> Auth.PASSWORD;
      case "oauth2" -> Auth.OAUTH2;
      default ->
          throw new ConfigException(
              s.pathOf("auth")
                  + ": expected password or oauth2, but found \""
                  + value.get()
                  + "\"");
    };
  }

  /** With auth: oauth2 a password key is a mistake worth naming. */
  private static PasswordSource noPassword(YamlSection s) {
    for (String key : List.of("password", "password_env", "password_command")) {
      if (s.has(key)) {
        throw new ConfigException(
            s.pathOf(key)
                + ": not used with auth: oauth2 (the oauth2 section and 'rapport login' sign in); remove it");
      }
    }
    return null;
  }

  private static final List<String> PROVIDERS = List.of("google", "microsoft", "custom");

  private static OAuth2 oauth2(YamlSection s) {
    String provider = s.requiredString("provider").strip().toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(provider)) {
      throw new ConfigException(
          s.pathOf("provider")
              + ": expected google, microsoft or custom, but found \""
              + provider
              + "\"");
    }
    Optional<String> tokenCommand = s.string("token_command").filter(t -> !t.isBlank());
    Optional<String> clientId = s.string("client_id").filter(t -> !t.isBlank());
    if (clientId.isEmpty() && tokenCommand.isEmpty()) {
      throw s.missing(
          "client_id",
          "the client id of the app you registered (see docs/ACCOUNTS.md), or token_command");
    }
    if (s.has("client_secret")) {
      throw new ConfigException(
          s.pathOf("client_secret")
              + ": secrets are not kept in the config file; use client_secret_env or client_secret_command");
    }
    Optional<String> secretEnv = s.string("client_secret_env");
    Optional<String> secretCommand = s.string("client_secret_command");
    if (secretEnv.isPresent() && secretCommand.isPresent()) {
      throw new ConfigException(
          s.pathOf("client_secret_env")
              + ": expected at most one of client_secret_env and client_secret_command");
    }
    PasswordSource secret =
        secretEnv.isPresent() || secretCommand.isPresent()
            ? new PasswordSource(secretEnv.orElse(null), secretCommand.orElse(null))
            : null;
    Optional<String> tenant = s.string("tenant").filter(t -> !t.isBlank());
    if (tenant.isPresent() && !provider.equals("microsoft")) {
      throw new ConfigException(s.pathOf("tenant") + ": only used with provider: microsoft");
    }
    java.net.URI authorize = url(s, "authorize_url");
    java.net.URI token = url(s, "token_url");
    java.net.URI device = url(s, "device_url");
    // The endpoints left out are found from the issuer's discovery document at sign-in.
    java.net.URI issuer = url(s, "issuer");
    List<String> scopes = s.strings("scopes").orElse(List.of());
    if (provider.equals("custom") && tokenCommand.isEmpty() && issuer == null) {
      if (authorize == null)
        throw s.missing("authorize_url", "the authorization endpoint's URL (or issuer)");
      if (token == null) throw s.missing("token_url", "the token endpoint's URL (or issuer)");
      if (scopes.isEmpty()) throw s.missing("scopes", "a list of the scopes mail access needs");
    }
    String mechanism = s.string("mechanism").orElse("xoauth2").strip().toUpperCase(Locale.ROOT);
    if (!mechanism.equals("XOAUTH2") && !mechanism.equals("OAUTHBEARER")) {
      throw new ConfigException(
          s.pathOf("mechanism")
              + ": expected xoauth2 or oauthbearer, but found \""
              + mechanism
              + "\"");
    }
    s.refuseUnknownKeys();
    return new OAuth2(
        provider,
        clientId.orElse(null),
        secret,
        tenant.orElse(provider.equals("microsoft") ? "common" : null),
        authorize,
        token,
        device,
        scopes,
        tokenCommand.orElse(null),
        mechanism,
        issuer);
  }

  /** An https URL, or http to this machine only (as security: none). */
  private static java.net.URI url(YamlSection s, String key) {
    Optional<String> value = s.string(key);
    if (value.isEmpty()) return null;
    java.net.URI uri;
    try {
      uri = new java.net.URI(value.get().strip());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(s.pathOf(key) + ": not a URL (" + e.getMessage() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigException(
          s.pathOf(key) + ": expected an https:// URL, but found \"" + value.get() + "\"");
    }
    if (scheme.equals("http") && !dev.rapport.mail.Endpoint.isLoopback(uri.getHost())) {
      throw new ConfigException(
          s.pathOf(key)
              + ": http:// is allowed only to this machine (127.0.0.1 or localhost); use https://");
    }
    return uri;
  }

  /** A pinned certificate: "SHA256:" and its fingerprint, as doctor shows a refused one. */
  private static String trust(YamlSection s) {
    Optional<String> pin = s.string("trust");
    if (pin.isEmpty()) return null;
    try {
      return TlsTrust.normalizePin(pin.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(s.pathOf("trust") + ": " + e.getMessage());
    }
  }

  private static PasswordSource password(YamlSection s) {
    Optional<String> env = s.string("password_env");
    Optional<String> command = s.string("password_command");
    if (s.has("password")) {
      throw new ConfigException(
          s.pathOf("password")
              + ": passwords are not kept in the config file; use password_env (an environment variable) or password_command");
    }
    if (env.isPresent() == command.isPresent()) {
      throw new ConfigException(
          s.pathOf("password_env") + ": expected exactly one of password_env and password_command");
    }
    return new PasswordSource(env.orElse(null), command.orElse(null));
  }

  private static Cadence cadence(Optional<YamlSection> section) {
    Duration followUpAfter = Duration.ofDays(7);
    int maxFollowUps = 2;
    Duration thankYouWithin = Duration.ofHours(48);
    List<Duration> keep = List.of(Duration.ofDays(90), Duration.ofDays(180));
    boolean card = false;
    Duration referralNudgeAfter = Cadence.DEFAULT_REFERRAL_NUDGE_AFTER;
    if (section.isPresent()) {
      YamlSection s = section.get();
      followUpAfter = s.duration("follow_up_after").orElse(followUpAfter);
      maxFollowUps = s.integer("max_follow_ups", 0, 10).orElse(maxFollowUps);
      thankYouWithin = s.duration("thank_you_within").orElse(thankYouWithin);
      keep = s.durations("keep_in_touch_every", 2).orElse(keep);
      card = s.bool("thank_you_card").orElse(card);
      referralNudgeAfter = s.duration("referral_nudge_after").orElse(referralNudgeAfter);
      if (keep.get(0).compareTo(keep.get(1)) > 0) {
        throw new ConfigException(
            s.pathOf("keep_in_touch_every")
                + ": the first duration must not be longer than the second");
      }
      s.refuseUnknownKeys();
    }
    return new Cadence(
        followUpAfter,
        maxFollowUps,
        thankYouWithin,
        keep.get(0),
        keep.get(1),
        card,
        referralNudgeAfter);
  }

  private static Pacing pacing(Optional<YamlSection> section) {
    int maxPerDay = 20;
    LocalTime start = LocalTime.of(9, 0);
    LocalTime end = LocalTime.of(17, 30);
    boolean weekdaysOnly = true;
    ZoneId zone = ZoneId.systemDefault();
    int weeklyGoal = 5;
    if (section.isPresent()) {
      YamlSection s = section.get();
      maxPerDay = s.integer("max_per_day", 1, 10_000).orElse(maxPerDay);
      Optional<String> window = s.string("window");
      if (window.isPresent()) {
        String[] parts = window.get().split("-");
        try {
          if (parts.length != 2) throw new IllegalArgumentException("");
          start = YamlSection.parseTime(parts[0]);
          end = YamlSection.parseTime(parts[1]);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              s.pathOf("window")
                  + ": expected a window such as \"09:00-17:30\", but found \""
                  + window.get()
                  + "\"");
        }
        if (!start.isBefore(end)) {
          throw new ConfigException(s.pathOf("window") + ": the window must start before it ends");
        }
      }
      weekdaysOnly = s.bool("weekdays_only").orElse(weekdaysOnly);
      zone = s.zone("timezone").orElse(zone);
      weeklyGoal = s.integer("weekly_goal", 0, 1000).orElse(weeklyGoal);
      s.refuseUnknownKeys();
    }
    return new Pacing(maxPerDay, start, end, weekdaysOnly, zone, weeklyGoal);
  }

  private static Digest digest(Optional<YamlSection> section) {
    if (section.isEmpty()) return new Digest(true, LocalTime.of(8, 0));
    YamlSection s = section.get();
    Digest digest =
        new Digest(s.bool("enabled").orElse(true), s.time("at").orElse(LocalTime.of(8, 0)));
    s.refuseUnknownKeys();
    return digest;
  }

  private static int dashboardPort(YamlSection s) {
    int port = s.integer("port", 1, 65535).orElse(7077);
    s.refuseUnknownKeys();
    return port;
  }

  private static String headerSafe(YamlSection s, String key, String value) {
    try {
      return HeaderText.require(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(s.pathOf(key) + ": " + e.getMessage());
    }
  }
}
