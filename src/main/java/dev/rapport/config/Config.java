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
    Optional<Path> source) {

  public boolean sandbox() {
    return mail.isEmpty();
  }

  /** The user: who the mail is from and how it is signed. */
  public record Me(String name, String email, String signature, String pitch) {}

  /** The user's account; both servers are configured or neither. */
  public record Mail(Smtp smtp, Imap imap) {}

  public enum Security {
    STARTTLS,
    TLS,
    NONE
  }

  /** {@code trust}: the pinned certificate's SHA-256 fingerprint, or null for the trust store. */
  public record Smtp(
      String host,
      int port,
      Security security,
      String username,
      PasswordSource password,
      String trust) {
    public Smtp(
        String host, int port, Security security, String username, PasswordSource password) {
      this(host, port, security, username, password, null);
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
      String trust) {}

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

  public record Pacing(
      int maxPerDay,
      LocalTime windowStart,
      LocalTime windowEnd,
      boolean weekdaysOnly,
      ZoneId timezone,
      int weeklyGoal) {}

  public record Digest(boolean enabled, LocalTime at) {}

  public record Dashboard(int port) {}
}
