package dev.rapport.inbox;

import dev.rapport.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * How the inbox watcher reads the mailbox.
 *
 * @param folder the folder watched, usually INBOX
 * @param idle use IMAP IDLE where the server offers it (only ever as a wake-up before a poll)
 * @param poll the interval between polls where there is no IDLE
 * @param firstScan how far back the very first scan of a mailbox looks
 * @param idleRenew how long one IDLE may last before the watchdog ends and re-issues it; well under
 *     the 29 minutes after which RFC 2177 lets a server drop an idle client
 * @param deadAfter how long the server may leave a NOOP or DONE unanswered before the connection is
 *     taken for dead and replaced
 * @param backoffMin the first wait before reconnecting; it doubles up to {@code backoffMax}
 * @param backoffMax the longest wait between reconnection attempts
 * @param bodyCap the most bytes of one message downloaded, for messages that concern a contact
 * @param batchSize how many messages' headers one FETCH asks for
 */
public record InboxSettings(
    String folder,
    boolean idle,
    Duration poll,
    Duration firstScan,
    Duration idleRenew,
    Duration deadAfter,
    Duration backoffMin,
    Duration backoffMax,
    int bodyCap,
    int batchSize) {

  public static final String DEFAULT_FOLDER = "INBOX";
  public static final int DEFAULT_BODY_CAP = 256 * 1024;

  /**
   * One IDLE lasts at most this long: RFC 2177 allows 29 minutes, but providers and home routers
   * drop a silent connection sooner (Gmail's IMAP after about 10 minutes, many NATs earlier).
   */
  public static final Duration IDLE_RENEW = Duration.ofMinutes(9);

  public InboxSettings {
    Objects.requireNonNull(folder, "folder");
    for (Duration d :
        new Duration[] {poll, firstScan, idleRenew, deadAfter, backoffMin, backoffMax}) {
      if (d == null || d.isNegative() || d.isZero())
        throw new IllegalArgumentException("durations must be positive");
    }
    if (bodyCap < 1024 || batchSize < 1)
      throw new IllegalArgumentException("bodyCap >= 1024 and batchSize >= 1");
  }

  /** The defaults, as for the sandbox. */
  public static InboxSettings defaults() {
    return new InboxSettings(
        DEFAULT_FOLDER,
        true,
        Duration.ofSeconds(60),
        Duration.ofDays(30),
        IDLE_RENEW,
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        DEFAULT_BODY_CAP,
        5000);
  }

  /**
   * For the sandbox on loopback: the IDLE is renewed every few seconds, which costs nothing there
   * and bounds the wait when GreenMail misses an IDLE notice: it registers its IDLE listener just
   * after reporting what changed, so a message delivered in between is announced only at DONE.
   * (News reported before the IDLE's "+" is handled by the watcher itself.)
   */
  public static InboxSettings sandbox() {
    return defaults()
        .withTimings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10));
  }

  /** The user's configured account's settings. */
  public static InboxSettings of(Config.Imap imap) {
    InboxSettings d = defaults();
    return new InboxSettings(
        imap.inbox(),
        imap.idle(),
        imap.poll(),
        imap.firstScan(),
        d.idleRenew(),
        d.deadAfter(),
        d.backoffMin(),
        d.backoffMax(),
        d.bodyCap(),
        d.batchSize());
  }

  public InboxSettings withFirstScan(Duration d) {
    return new InboxSettings(
        folder, idle, poll, d, idleRenew, deadAfter, backoffMin, backoffMax, bodyCap, batchSize);
  }

  public InboxSettings withIdle(boolean on, Duration pollEvery) {
    return new InboxSettings(
        folder,
        on,
        pollEvery,
        firstScan,
        idleRenew,
        deadAfter,
        backoffMin,
        backoffMax,
        bodyCap,
        batchSize);
  }

  public InboxSettings withTimings(
      Duration renew, Duration dead, Duration backoffFrom, Duration backoffTo) {
    return new InboxSettings(
        folder, idle, poll, firstScan, renew, dead, backoffFrom, backoffTo, bodyCap, batchSize);
  }

  public InboxSettings withBatchSize(int n) {
    return new InboxSettings(
        folder, idle, poll, firstScan, idleRenew, deadAfter, backoffMin, backoffMax, bodyCap, n);
  }
}
