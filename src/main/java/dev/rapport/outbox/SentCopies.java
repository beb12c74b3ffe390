package dev.rapport.outbox;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sent copies of one pass, appended on their own IMAP connection and thread while the next
 * drafts go out over SMTP. Each delivered draft is settled (SENT committed) only after its copy was
 * appended or failed, exactly as when the two were one after the other: the copy stays the evidence
 * a restart looks for, and a draft whose copy was not yet appended when the process died is found
 * SENDING without one (UNCERTAIN, never resent). At most {@link #QUEUE} delivered drafts wait here,
 * so a crash leaves few such questions. Drafts are settled in batches, in one transaction each: up
 * to {@link #BATCH} copies, or whatever was appended when no more mail is waiting, when a draft to
 * the same contact is about to be claimed, or when the pass ends. Holding SENT back after the copy
 * is in weakens nothing: a restart that finds the copy marks the draft SENT.
 */
final class SentCopies implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);
  static final int QUEUE = 16;
  static final int BATCH = 32;

  /** How long the copies' thread waits for more before settling what it has. */
  private static final long IDLE_MILLIS = 50;

  /** A draft the server took (250 to the final "."), its message, and what the server said. */
  record Delivered(OutboxStore.Row row, Outgoing outgoing, MimeMessage message, String reply) {}

  /** A delivered draft and what became of its copy. */
  record Copied(Delivered delivered, SentMailbox.Copy copy) {}

  /** Makes delivered drafts SENT once their copies were dealt with; runs on the copies' thread. */
  @FunctionalInterface
  interface Settle {
    void settle(List<Copied> copied);
  }

  private static final Delivered END = new Delivered(null, null, null, null);
  private static final Delivered SETTLE_NOW = new Delivered(null, null, null, null);

  private final SentMailbox mailbox;
  private final Settle settle;
  private final BlockingQueue<Delivered> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Map<Long, Integer> unsettled = new HashMap<>(); // by contact; guarded by this
  private final Thread thread;
  private boolean stopped; // guarded by this

  /** {@code connectAhead}: there are drafts to send, so open the IMAP connection now. */
  SentCopies(SentMailbox mailbox, Settle settle, boolean connectAhead) {
    this.mailbox = mailbox;
    this.settle = settle;
    // Never interrupted: an interrupt during H2's file I/O would close the database file.
    this.thread = new Thread(() -> work(connectAhead), "sent-copies");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a delivered draft; waits while {@link #QUEUE} others wait. */
  void add(Delivered d) {
    synchronized (this) {
      if (stopped) {
        // Only after an Error on the copies' thread: the draft stays SENDING for reconcile.
        log.error("draft {} was delivered but cannot be marked SENT now", d.row().id());
        return;
      }
      unsettled.merge(d.row().contactId(), 1, Integer::sum);
    }
    putUninterruptibly(d);
  }

  /**
   * Waits until every draft queued for {@code contactId} is settled: a draft to the same contact is
   * claimed only after the last one is SENT (its thread followed, its stage moved).
   */
  void awaitSettled(long contactId) {
    synchronized (this) {
      if (stopped || unsettled.getOrDefault(contactId, 0) == 0) return;
    }
    putUninterruptibly(SETTLE_NOW);
    waitUntilSettled(contactId);
  }

  private synchronized void waitUntilSettled(long contactId) {
    boolean interrupted = false;
    while (!stopped && unsettled.getOrDefault(contactId, 0) > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private void work(boolean connectAhead) {
    try {
      if (connectAhead) mailbox.connectAhead(); // while the first drafts are claimed and sent
      List<Copied> copied = new ArrayList<>();
      while (true) {
        Delivered d = pollUninterruptibly(copied.isEmpty() ? Long.MAX_VALUE : IDLE_MILLIS);
        if (d != null && d != END && d != SETTLE_NOW) {
          copied.add(new Copied(d, append(d)));
          if (copied.size() < BATCH) continue;
        }
        settle(copied);
        copied = new ArrayList<>();
        if (d == END) return;
      }
    } finally {
      synchronized (this) {
        stopped = true;
        unsettled.clear();
        notifyAll();
      }
    }
  }

  private SentMailbox.Copy append(Delivered d) {
    return mailbox.append(d.message()); // catches its own failures: FAILED
  }

  private void settle(List<Copied> copied) {
    if (copied.isEmpty()) return;
    try {
      settle.settle(copied);
    } catch (RuntimeException e) {
      log.error("delivered drafts could not be marked SENT and stay SENDING: {}", e.getMessage());
    } finally {
      synchronized (this) {
        for (Copied c : copied)
          unsettled.computeIfPresent(
              c.delivered().row().contactId(), (k, n) -> n > 1 ? n - 1 : null);
        notifyAll();
      }
    }
  }

  /**
   * Waits until every queued copy is appended and its draft settled, then closes the connection.
   */
  @Override
  public void close() {
    putUninterruptibly(END);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    mailbox.close();
    if (interrupted) Thread.currentThread().interrupt();
  }

  private void putUninterruptibly(Delivered d) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (queue.offer(d, 100, TimeUnit.MILLISECONDS)) return;
          synchronized (this) {
            if (stopped) return; // the copies' thread ended on an Error: nobody takes it
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private Delivered pollUninterruptibly(long millis) {
    while (true) {
      try {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        // nobody interrupts this thread; an interrupt changes nothing
      }
    }
  }
}
