package dev.rapport.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The whole configuration, read once at start and never changed. {@code mail} is empty in sandbox
 * mode, where an embedded mail server stands in for the user's account.
 */
public record Config(
    Me me,
    Optional<Mail> mail,
    Cadence cadence,
    Pacing pacing,
    Digest digest,
    Path templates,
    Dashboard dashboard,
    Optional<Path> source,
    Method method) {

  public Config {
    if (method == null) method = Method.OFF;
  }

  /** With the method off, as before {@code method} existed. */
  public Config(
      Me me,
      Optional<Mail> mail,
      Cadence cadence,
      Pacing pacing,
      Digest digest,
      Path templates,
      Dashboard dashboard,
      Optional<Path> source) {
    this(me, mail, cadence, pacing, digest, templates, dashboard, source, Method.OFF);
  }

  public boolean sandbox() {
    return mail.isEmpty();
  }

  /** {@code method: two-hour}: employers as targets, the 3B7 routine and boosters. */
  public boolean twoHour() {
    return method == Method.TWO_HOUR;
  }

  /**
   * How far beyond the anchors (tiers, referrals, weekly goal) rapport guides the search: {@code
   * off}, or {@code two-hour}, the employer-first routine of Steve Dalton's <i>The 2-Hour Job
   * Search</i>.
   */
  public enum Method {
    OFF("off"),
    TWO_HOUR("two-hour");

    private final String key;

    Method(String key) {
      this.key = key;
    }

    /** As written in the config file. */
    public String key() {
      return key;
    }

    /** The value of the {@code method} key; empty when it is none of them. */
    public static Optional<Method> parse(String value) {
      String v = value.strip().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("false")) return Optional.of(OFF); // YAML 1.1 reads a bare off as false
      for (Method m : values()) if (m.key.equals(v)) return Optional.of(m);
      return Optional.empty();
    }
  }

  /** The user: who the mail is from and how it is signed. */
  public record Me(String name, String email, String signature, String pitch) {}

  /**
   * The user's account; both servers are configured or neither. {@code oauth2} is null unless a
   * server signs in with {@code auth: oauth2}.
   */
  public record Mail(Smtp smtp, Imap imap, OAuth2 oauth2) {
    public Mail(Smtp smtp, Imap imap) {
      this(smtp, imap, null);
    }

    /** True when either server signs in with an OAuth2 access token. */
    public boolean usesOAuth2() {
      return smtp.auth() == Auth.OAUTH2 || imap.auth() == Auth.OAUTH2;
    }
  }

  /** How a mail server is signed in to: a password, or an OAuth2 access token (SASL). */
  public enum Auth {
    PASSWORD,
    OAUTH2
  }

  /**
   * The {@code oauth2:} section. Endpoints and scopes are those the config names; a provider's
   * presets fill the rest (see {@code dev.rapport.oauth.OAuthServer}). {@code clientSecret} is null
   * for public clients; {@code tokenCommand} replaces the whole sign-in with an external helper
   * that prints a fresh access token. {@code mechanism} is XOAUTH2 or OAUTHBEARER. Holds no secret.
   */
  public record OAuth2(
      String provider,
      String clientId,
      PasswordSource clientSecret,
      String tenant,
      java.net.URI authorizeUrl,
      java.net.URI tokenUrl,
      java.net.URI deviceUrl,
      java.util.List<String> scopes,
      String tokenCommand,
      String mechanism,
      java.net.URI issuer) {
    public OAuth2(
        String provider,
        String clientId,
        PasswordSource clientSecret,
        String tenant,
        java.net.URI authorizeUrl,
        java.net.URI tokenUrl,
        java.net.URI deviceUrl,
        java.util.List<String> scopes,
        String tokenCommand,
        String mechanism) {
      this(
          provider,
          clientId,
          clientSecret,
          tenant,
          authorizeUrl,
          tokenUrl,
          deviceUrl,
          scopes,
          tokenCommand,
          mechanism,
          null);
    }
  }

  public enum Security {
    STARTTLS,
    TLS,
    NONE
  }

  /**
   * {@code password} is null with {@code auth: oauth2}. {@code trust}: the pinned certificate's
   * SHA-256 fingerprint, or null for the trust store.
   */
  public record Smtp(
      String host,
      int port,
      Security security,
      String username,
      PasswordSource password,
      Auth auth,
      String trust) {
    public Smtp(
        String host, int port, Security security, String username, PasswordSource password) {
      this(host, port, security, username, password, Auth.PASSWORD, null);
    }

    public Smtp(
        String host,
        int port,
        Security security,
        String username,
        PasswordSource password,
        Auth auth) {
      this(host, port, security, username, password, auth, null);
    }

    public Smtp(
        String host,
        int port,
        Security security,
        String username,
        PasswordSource password,
        String trust) {
      this(host, port, security, username, password, Auth.PASSWORD, trust);
    }
  }

  public record Imap(
      String host,
      int port,
      Security security,
      String username,
      PasswordSource password,
      String inbox,
      String sent,
      boolean idle,
      Duration poll,
      Duration firstScan,
      Auth auth,
      String trust) {
    public Imap(
        String host,
        int port,
        Security security,
        String username,
        PasswordSource password,
        String inbox,
        String sent,
        boolean idle,
        Duration poll,
        Duration firstScan) {
      this(
          host,
          port,
          security,
          username,
          password,
          inbox,
          sent,
          idle,
          poll,
          firstScan,
          Auth.PASSWORD,
          null);
    }

    public Imap(
        String host,
        int port,
        Security security,
        String username,
        PasswordSource password,
        String inbox,
        String sent,
        boolean idle,
        Duration poll,
        Duration firstScan,
        Auth auth) {
      this(
          host, port, security, username, password, inbox, sent, idle, poll, firstScan, auth, null);
    }

    public Imap(
        String host,
        int port,
        Security security,
        String username,
        PasswordSource password,
        String inbox,
        String sent,
        boolean idle,
        Duration poll,
        Duration firstScan,
        String trust) {
      this(
          host,
          port,
          security,
          username,
          password,
          inbox,
          sent,
          idle,
          poll,
          firstScan,
          Auth.PASSWORD,
          trust);
    }
  }

  /**
   * {@code thankYouCard}: after an interview, also a reminder to send a handwritten card, ticked
   * off with {@code interviews card-sent}. {@code referralNudgeAfter}: how long an introduction
   * offered in interview notes may take before the interviewee gets a gentle nudge.
   */
  public record Cadence(
      Duration followUpAfter,
      int maxFollowUps,
      Duration thankYouWithin,
      Duration keepInTouchMin,
      Duration keepInTouchMax,
      boolean thankYouCard,
      Duration referralNudgeAfter) {

    /** {@code cadence.referral_nudge_after} when the config does not say. */
    public static final Duration DEFAULT_REFERRAL_NUDGE_AFTER = Duration.ofDays(5);

    public Cadence {
      if (referralNudgeAfter == null) referralNudgeAfter = DEFAULT_REFERRAL_NUDGE_AFTER;
    }

    /** With the default wait before a referral nudge. */
    public Cadence(
        Duration followUpAfter,
        int maxFollowUps,
        Duration thankYouWithin,
        Duration keepInTouchMin,
        Duration keepInTouchMax,
        boolean thankYouCard) {
      this(
          followUpAfter,
          maxFollowUps,
          thankYouWithin,
          keepInTouchMin,
          keepInTouchMax,
          thankYouCard,
          DEFAULT_REFERRAL_NUDGE_AFTER);
    }

    public Cadence(
        Duration followUpAfter,
        int maxFollowUps,
        Duration thankYouWithin,
        Duration keepInTouchMin,
        Duration keepInTouchMax) {
      this(followUpAfter, maxFollowUps, thankYouWithin, keepInTouchMin, keepInTouchMax, false);
    }
  }

  /**
   * {@code maxPerDay} is the cap in effect: the configured one, or the provider's limit when that
   * is lower ({@code cappedFrom} then says what was configured and whose limit applies).
   */
  public record Pacing(
      int maxPerDay,
      LocalTime windowStart,
      LocalTime windowEnd,
      boolean weekdaysOnly,
      ZoneId timezone,
      int weeklyGoal,
      Capped cappedFrom) {
    public Pacing(
        int maxPerDay,
        LocalTime windowStart,
        LocalTime windowEnd,
        boolean weekdaysOnly,
        ZoneId timezone,
        int weeklyGoal) {
      this(maxPerDay, windowStart, windowEnd, weekdaysOnly, timezone, weeklyGoal, null);
    }

    /** The configured {@code max_per_day} that the provider's limit lowered. */
    public record Capped(int configured, String provider) {}
  }

  public record Digest(boolean enabled, LocalTime at) {}

  public record Dashboard(int port) {}
}
