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
 * The daemon's outbox: at start it settles drafts an earlier process left SENDING, then every
 * {@code poll} it asks the database (two small queries) whether an APPROVED draft is due and
 * allowed now, and if so sends what is due over one connection. An approval made by a command in
 * another process is therefore sent within about one poll.
 */
public final class Outbox implements Component {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  public static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Supplier<OutboxService> service;
  private final Supplier<OutboxMail> mail;
  private final Duration poll;
  private ScheduledExecutorService worker;

  /** Both are asked for at start, when the parts started before (database, sandbox) run. */
  public Outbox(Supplier<OutboxService> service, Supplier<OutboxMail> mail, Duration poll) {
    this.service = service;
    this.mail = mail;
    this.poll = poll;
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
          try {
            PassSummary s = outbox.reconcile(route);
            if (s.eventful()) log.info("outbox at start: {}", s.line(outbox.zone()));
          } catch (RuntimeException e) {
            log.warn("the outbox could not settle interrupted sends: {}", e.getMessage());
          }
        });
    worker.scheduleWithFixedDelay(
        () -> pass(outbox, route), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void pass(OutboxService outbox, OutboxMail route) {
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
