package dev.rapport.outbox;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Sent copies of one pass, appended on their own IMAP connection and thread while the next
 * drafts go out over SMTP. It only appends: the pass takes the drafts whose copies are done ({@link
 * #takeCopied}) and marks them SENT in its next transaction, so a draft is SENT only after its copy
 * was appended (or failed), exactly as when the two were one after the other, and the copy stays
 * the evidence a restart looks for. A draft delivered but not yet copied when the process dies is
 * found SENDING without a copy (UNCERTAIN, never resent); at most {@link #QUEUE} wait here, so a
 * crash leaves few such questions.
 */
final class SentCopies implements AutoCloseable {
  static final int QUEUE = 16;

  /** A draft the server took (250 to the final "."), its message, and what the server said. */
  record Delivered(OutboxStore.Row row, Outgoing outgoing, MimeMessage message, String reply) {}

  /** A delivered draft and what became of its copy. */
  record Copied(Delivered delivered, SentMailbox.Copy copy) {}

  private static final Delivered END = new Delivered(null, null, null, null);

  private final SentMailbox mailbox;
  private final BlockingQueue<Delivered> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Map<Long, Integer> uncopied = new HashMap<>(); // by contact; guarded by this
  private final List<Copied> copied = new ArrayList<>(); // guarded by this
  private final Thread thread;
  private boolean stopped; // guarded by this

  /** {@code connectAhead}: there are drafts to send, so open the IMAP connection now. */
  SentCopies(SentMailbox mailbox, boolean connectAhead) {
    this.mailbox = mailbox;
    this.thread = new Thread(() -> work(connectAhead), "sent-copies");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a delivered draft for its copy; waits while {@link #QUEUE} others wait. */
  void add(Delivered d) {
    synchronized (this) {
      if (stopped) return; // only after an Error on the copies' thread: it stays SENDING
      uncopied.merge(d.row().contactId(), 1, Integer::sum);
    }
    putUninterruptibly(d);
  }

  /** The delivered drafts whose copies are done since the last call, oldest first. */
  synchronized List<Copied> takeCopied() {
    List<Copied> done = new ArrayList<>(copied);
    copied.clear();
    return done;
  }

  /**
   * Waits until every draft to {@code contactId} handed over so far has its copy done: a draft to
   * the same contact is claimed only once the last one can be marked SENT in the same transaction
   * (its thread followed, its stage moved).
   */
  synchronized void awaitCopied(long contactId) {
    boolean interrupted = false;
    while (!stopped && uncopied.getOrDefault(contactId, 0) > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** Waits until every queued copy is done ({@link #takeCopied} then has them all). */
  void finish() {
    synchronized (this) {
      if (stopped) return;
    }
    putUninterruptibly(END);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  @Override
  public void close() {
    finish();
    mailbox.close();
  }

  private void work(boolean connectAhead) {
    try {
      if (connectAhead) mailbox.connectAhead(); // while the first drafts are claimed and sent
      while (true) {
        Delivered d = takeUninterruptibly();
        if (d == END) return;
        SentMailbox.Copy copy = mailbox.append(d.message()); // FAILED when it cannot
        synchronized (this) {
          copied.add(new Copied(d, copy));
          uncopied.computeIfPresent(d.row().contactId(), (k, n) -> n > 1 ? n - 1 : null);
          notifyAll();
        }
      }
    } finally {
      synchronized (this) {
        stopped = true;
        uncopied.clear();
        notifyAll();
      }
    }
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

  private Delivered takeUninterruptibly() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // nobody interrupts this thread; an interrupt changes nothing
      }
    }
  }
}
