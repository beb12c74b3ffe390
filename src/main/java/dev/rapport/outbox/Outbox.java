package dev.rapport.outbox;

import dev.rapport.daemon.Component;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's outbox: at start it settles drafts an earlier process left SENDING (those whose Sent
 * folder cannot be searched yet are looked for again every {@link #RECHECK}), then every {@code
 * poll} it asks the database (two small queries) whether an APPROVED draft is due and allowed now,
 * and if so sends what is due over one connection. An approval made by a command in another process
 * is therefore sent within about one poll.
 */
public final class Outbox implements Component {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  public static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Supplier<OutboxService> service;
  private final Supplier<OutboxMail> mail;
  private final Duration poll;
  private final Duration recheck;
  private ScheduledExecutorService worker;

  /** When drafts left SENDING are looked for again in Sent; -1: none waits for that. */
  private long recheckAt = -1;

  /** How long after a Sent folder that could not be searched it is tried again. */
  static final Duration RECHECK = Duration.ofMinutes(1);

  /** Both are asked for at start, when the parts started before (database, sandbox) run. */
  public Outbox(Supplier<OutboxService> service, Supplier<OutboxMail> mail, Duration poll) {
    this(service, mail, poll, RECHECK);
  }

  Outbox(
      Supplier<OutboxService> service, Supplier<OutboxMail> mail, Duration poll, Duration recheck) {
    this.service = service;
    this.mail = mail;
    this.poll = poll;
    this.recheck = recheck;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public void start() {
    OutboxService outbox = service.get();
    OutboxMail route = mail.get();
    worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rapport-outbox");
              t.setDaemon(true);
              return t;
            });
    worker.execute(
        () -> {
          settle(outbox, route, "outbox at start: {}");
        });
    worker.scheduleWithFixedDelay(
        () -> pass(outbox, route), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reconciles; drafts whose Sent folder could not be searched are looked for again later. */
  private void settle(OutboxService outbox, OutboxMail route, String message) {
    recheckAt = -1;
    try {
      PassSummary s = outbox.reconcile(route);
      if (s.eventful()) log.info(message, s.line(outbox.zone()));
      if (s.reconcileDeferred() > 0) recheckAt = System.nanoTime() + recheck.toNanos();
    } catch (RuntimeException e) {
      log.warn("the outbox could not settle interrupted sends: {}", e.getMessage());
      recheckAt = System.nanoTime() + recheck.toNanos();
    }
  }

  private void pass(OutboxService outbox, OutboxMail route) {
    if (recheckAt != -1 && System.nanoTime() - recheckAt >= 0)
      settle(outbox, route, "outbox, interrupted sends looked for again: {}");
    try {
      if (!outbox.hasWork()) return;
      PassSummary s = outbox.sendDue(route);
      if (s.eventful()) log.info("outbox: {}", s.line(outbox.zone()));
    } catch (RuntimeException e) {
      log.warn("the outbox pass failed: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    worker.shutdown();
    try {
      // A send in progress finishes (the SMTP timeouts bound it); nothing new starts.
      if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS))
        worker.shutdownNow();
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
