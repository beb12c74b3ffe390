package dev.rapport.inbox;

import dev.rapport.RapportException;
import dev.rapport.daemon.Component;
import dev.rapport.mail.Backoff;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailException;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import dev.rapport.store.Database;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox watcher, a daemon {@link Component}. Its {@link #start} reads everything new in the
 * mailbox before it returns, so a reply that came while the daemon was down is seen before any
 * later part (the scheduler) runs. Then a thread keeps a read-only connection: IMAP IDLE where the
 * server offers it, used only as a wake-up — every wake-up is followed by a poll of the UIDs above
 * the last one processed — or a poll every {@code imap.poll} otherwise. A watchdog ends each IDLE
 * after {@code idleRenew} with a NOOP from another thread (Angus Mail ends an IDLE when another
 * thread uses the folder; its read timeout does not); if the server does not answer within {@code
 * deadAfter}, the connection is taken for dead and a new one replaces it. Lost connections are
 * retried with a doubling back-off. {@link #pollOnce} is one pass for commands.
 */
public final class Inbox implements Component {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final Supplier<Database> database;
  private final Supplier<MessageHandler> handler;
  private final Clock clock;
  private final Supplier<Endpoint> endpoint;
  private final Set<String> ownAddresses;
  private final InboxSettings settings;
  private final InboxStore store = new InboxStore();
  private Database db;
  private MailboxScan scan;
  private final ReentrantLock scanning = new ReentrantLock();
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicLong idles = new AtomicLong();
  private final AtomicLong polls = new AtomicLong();
  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile Connection current;
  private volatile java.time.Instant lastSync;
  private volatile String mode;
  private volatile String lastError;
  private ScheduledExecutorService watchdog;
  private ExecutorService helpers;
  private final Object sleeper = new Object();

  /** An open read-only connection, one per watcher generation. */
  private record Connection(IMAPStore store, IMAPFolder folder, int generation) {}

  /**
   * @param database the database, asked for when first needed (the daemon opens it in an earlier
   *     part)
   * @param handler what each message that may concern a contact does, asked for with the database
   * @param endpoint the mailbox, asked for at each connection (the sandbox knows its login only
   *     once it runs)
   * @param ownAddresses the user's addresses: mail from them is never a reply
   */
  public Inbox(
      Supplier<Database> database,
      Supplier<MessageHandler> handler,
      Clock clock,
      Supplier<Endpoint> endpoint,
      Set<String> ownAddresses,
      InboxSettings settings) {
    this.database = database;
    this.handler = handler;
    this.clock = clock;
    this.endpoint = endpoint;
    this.ownAddresses = Set.copyOf(ownAddresses);
    this.settings = settings;
  }

  private synchronized MailboxScan scan() {
    if (scan == null) {
      db = database.get();
      scan = new MailboxScan(db, store, handler.get(), settings, clock);
    }
    return scan;
  }

  @Override
  public String name() {
    return "inbox watcher";
  }

  @Override
  public void start() {
    running = true;
    watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("rapport-inbox-watchdog"));
    helpers = Executors.newCachedThreadPool(daemonThreads("rapport-inbox-helper"));
    try {
      PollResult r = pollOnce();
      log.info(
          "inbox read at start: {} new messages, {} concerning contacts",
          r.examined(),
          r.matched());
    } catch (RapportException e) {
      log.warn(
          "the inbox could not be read at start ({}); the watcher keeps trying", e.getMessage());
    }
    startGeneration();
  }

  @Override
  public void stop() {
    running = false;
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    Connection c = current;
    if (c != null) {
      // Closing ends the IDLE; on a dead server it could wait for ever, so not on this thread.
      try {
        helpers.submit(() -> closeQuietly(c)).get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        log.debug("the inbox connection did not close in time: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    watchdog.shutdownNow();
    helpers.shutdownNow();
  }

  /**
   * Reads everything new in the mailbox once, on a connection of its own, and returns what it did.
   * Safe to call while the watcher runs: polls take turns.
   */
  public PollResult pollOnce() {
    Connection c = null;
    try {
      c = connect(-1);
      return poll(c);
    } catch (MessagingException e) {
      throw new MailException(
          "The inbox " + describe() + " could not be read: " + e.getMessage(), e);
    } finally {
      if (c != null) closeQuietly(c);
    }
  }

  /**
   * True when the latest poll read the mailbox to its end: what the scheduler asks before sending a
   * nudge, so that a reply the watcher could not read yet (the server down at start) still stops
   * it.
   */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** How many IDLE commands have ended, for tests and the dashboard. */
  public long idleCount() {
    return idles.get();
  }

  /**
   * How the watcher is doing, for the dashboard: when it last read the mailbox to its end, whether
   * it waits with IDLE or polls, and the last connection error since then (null when none).
   */
  public InboxHealth health() {
    return new InboxHealth(lastSync, mode, lastError, caughtUp);
  }

  /** How many polls have finished. */
  public long pollCount() {
    return polls.get();
  }

  private PollResult poll(Connection c) throws MessagingException {
    MailboxScan scanner = scan();
    scanning.lock();
    try {
      PollResult r;
      try {
        r =
            scanner.scan(
                c.folder(),
                stateKey(c),
                () ->
                    db.read(
                        x ->
                            new Correspondence(
                                store.sentMessageIds(x),
                                store.contactsByAddress(x, true),
                                store.contactsByAddress(x, false),
                                ownAddresses)));
      } catch (MessagingException | RuntimeException e) {
        caughtUp = false;
        throw e;
      }
      caughtUp = true;
      polls.incrementAndGet();
      lastSync = clock.instant();
      lastError = null;
      if (r.examined() > 0) log.debug("poll: {}", r);
      return r;
    } finally {
      scanning.unlock();
    }
  }

  private String stateKey(Connection c) {
    return endpoint.get().username() + "/" + c.folder().getFullName();
  }

  private void startGeneration() {
    int gen = generation.incrementAndGet();
    Thread t = new Thread(() -> watch(gen), "rapport-inbox-" + gen);
    t.setDaemon(true);
    t.start();
  }

  /**
   * One generation of the watcher: connects, polls, idles, reconnects, until stopped or replaced.
   */
  private void watch(int gen) {
    Duration backoff = settings.backoffMin();
    while (running && generation.get() == gen) {
      Connection c = null;
      try {
        c = connect(gen);
        current = c;
        boolean idle = settings.idle() && c.store().hasCapability("IDLE");
        mode = idle ? "IDLE" : "polling every " + settings.poll().toSeconds() + "s";
        log.info(
            "watching {} ({})",
            describe(),
            idle ? "IDLE" : "polling every " + settings.poll().toSeconds() + "s");
        while (running && generation.get() == gen) {
          int seen = c.folder().getMessageCount();
          poll(c);
          backoff = settings.backoffMin();
          // Mail that arrived while the poll ran may have been announced (EXISTS) without being in
          // what the poll fetched; the server will not announce it again during the IDLE, so poll
          // once more first.
          if (idle && c.folder().getMessageCount() != seen) continue;
          if (idle) idleOnce(c);
          else sleep(settings.poll());
        }
      } catch (MessagingException | RapportException e) {
        caughtUp = false;
        lastError = e.getMessage();
        if (!running || generation.get() != gen) break;
        if (Backoff.loginRefused(e) && backoff.compareTo(Backoff.LOGIN_FIRST) < 0) {
          backoff = Backoff.LOGIN_FIRST; // a wrong password is not retried every minute
        }
        log.warn(
            "the inbox connection to {} failed ({}); trying again in {} s",
            describe(),
            e.getMessage(),
            backoff.toSeconds());
        if (c != null) closeQuietly(c);
        c = null;
        sleep(backoff);
        backoff =
            Backoff.next(
                backoff, settings.backoffMin(), settings.backoffMax(), Backoff.loginRefused(e));
      } catch (RuntimeException e) {
        if (!running) break;
        log.error(
            "the inbox watcher failed unexpectedly; restarting it in {} s", backoff.toSeconds(), e);
        sleep(backoff);
      } finally {
        if (c != null) closeQuietly(c);
      }
    }
  }

  /**
   * One IDLE, ended by the server's first notice or by the watchdog: after {@code idleRenew} a NOOP
   * from another thread makes Angus Mail send DONE; if the IDLE has not ended {@code deadAfter}
   * later, the server is taken for gone and another generation takes over.
   */
  private void idleOnce(Connection c) throws MessagingException {
    Object token = new Object();
    ScheduledFuture<?> renew =
        watchdog.schedule(
            () -> {
              helpers.submit(() -> noop(c));
              watchdog.schedule(
                  () -> {
                    if (running
                        && generation.get() == c.generation()
                        && current == c
                        && idling == token) {
                      log.warn(
                          "the IMAP server did not answer within {} s; opening a new connection",
                          settings.deadAfter().toSeconds());
                      helpers.submit(() -> closeQuietly(c));
                      startGeneration();
                    }
                  },
                  settings.deadAfter().toMillis(),
                  TimeUnit.MILLISECONDS);
            },
            settings.idleRenew().toMillis(),
            TimeUnit.MILLISECONDS);
    idling = token;
    try {
      c.folder().idle(true);
    } finally {
      idling = null;
      renew.cancel(false);
      idles.incrementAndGet();
    }
  }

  private volatile Object idling;

  /**
   * Ends the IDLE in progress on {@code c}, if any, so that the watcher polls. A server may
   * announce new mail (EXISTS) before its "+" to the IDLE command; Angus Mail reads that while
   * starting the IDLE and would then go on idling until the watchdog's renewal, minutes later.
   */
  private void wakeFromIdle(Connection c) {
    if (idling == null || current != c || !running) return;
    try {
      helpers.submit(() -> noop(c));
    } catch (RejectedExecutionException stopping) {
      // stop() has begun: the IDLE ends with the connection
    }
  }

  private void noop(Connection c) {
    try {
      c.folder()
          .doCommand(
              p -> {
                p.simpleCommand("NOOP", null);
                return null;
              });
    } catch (MessagingException | RuntimeException e) {
      log.debug("watchdog NOOP failed: {}", e.toString());
    }
  }

  private Connection connect(int gen) throws MessagingException {
    Endpoint e = endpoint.get();
    Session session = MailSessions.imap(e);
    IMAPStore s = (IMAPStore) session.getStore(MailSessions.imapProtocol(e));
    try {
      MailLogin.connect(s, e);
      IMAPFolder f = (IMAPFolder) s.getFolder(settings.folder());
      f.open(Folder.READ_ONLY); // EXAMINE: the server itself keeps every flag as it is
      Connection c = new Connection(s, f, gen);
      f.addMessageCountListener(
          new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
              wakeFromIdle(c);
            }
          });
      return c;
    } catch (MessagingException | RuntimeException ex) {
      try {
        s.close();
      } catch (MessagingException ignored) {
        // already broken
      }
      throw ex;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c.folder().isOpen()) c.folder().close(false);
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing the folder: {}", e.toString());
    }
    try {
      c.store().close();
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing the connection: {}", e.toString());
    }
  }

  private void sleep(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    synchronized (sleeper) {
      while (running) {
        long left = end - System.nanoTime();
        if (left <= 0) return;
        try {
          TimeUnit.NANOSECONDS.timedWait(sleeper, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private String describe() {
    try {
      return endpoint.get().toString() + " " + settings.folder();
    } catch (RuntimeException e) {
      return settings.folder();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
