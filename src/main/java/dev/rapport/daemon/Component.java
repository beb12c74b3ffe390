package dev.rapport.daemon;

/**
 * One part of the daemon with a lifetime: the database, its sharing, the sandbox mail server, and
 * later the outbox, the inbox watcher and the scheduler. {@link Daemon} starts the parts in order
 * and stops them in reverse, so a part may use every part started before it.
 */
public interface Component {
  /** A few words for logs and errors: "database server", "sandbox mail server". */
  String name();

  /** Starts; throws a {@link dev.rapport.RapportException} saying what is wrong if it cannot. */
  void start();

  /** Stops; called once, only after a successful {@link #start}. */
  void stop();
}
