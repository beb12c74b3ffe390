package dev.rapport.outbox;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sent: auto}'s look after a send: does the server file mail sent over SMTP in Sent by
 * itself (Gmail, Microsoft) or must rapport append a copy? Answered once per account: the Sent
 * folder is searched for the Message-ID just sent, a few times over at most {@link #WAIT} (a server
 * may file it a moment after accepting it), and the answer is kept in {@link SentHabit}. A look
 * that fails decides nothing: the copy is appended and the next send looks again.
 */
final class SentProbe {
  static final Duration WAIT = Duration.ofSeconds(2);
  private static final Duration STEP = Duration.ofMillis(250);
  private static final Logger log = LoggerFactory.getLogger(SentProbe.class);

  /** Searches the Sent folder for a Message-ID (IMAP, with the session's timeouts). */
  interface Lookup {
    boolean contains(String messageId) throws MessagingException;
  }

  private final SentHabit habit;
  private final Duration wait;

  SentProbe(SentHabit habit, Duration wait) {
    this.habit = habit;
    this.wait = wait;
  }

  /** True when rapport must append the copy itself, false when the server has filed one. */
  boolean rapportAppends(Lookup sent, String messageId) {
    Optional<Boolean> known = habit.serverFilesSent();
    if (known.isPresent()) return !known.get();
    if (messageId == null) return true;
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (!sent.contains(messageId)) {
        if (System.nanoTime() >= deadline) {
          habit.remember(false, Instant.now());
          log.info(
              "sent: auto: the server did not file {} in Sent within {} ms; rapport appends copies"
                  + " for this account from now on",
              messageId,
              wait.toMillis());
          return true;
        }
        Thread.sleep(STEP.toMillis());
      }
    } catch (MessagingException e) {
      log.warn(
          "sent: auto could not look in the Sent folder ({}); a copy is appended and the next send"
              + " looks again",
          e.getMessage());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    habit.remember(true, Instant.now());
    log.info(
        "sent: auto: the server filed {} in Sent by itself; rapport adds no copy for this account",
        messageId);
    return false;
  }
}
