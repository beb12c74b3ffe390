package dev.rapport.outbox;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.store.Database;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Sends APPROVED drafts exactly once. Each draft becomes SENDING, with its Message-ID stored, in a
 * committed transaction before the SMTP exchange begins; it becomes SENT (with the contact's stage
 * trigger and a timeline event) once the server has accepted it and a copy is in the Sent folder. A
 * draft left SENDING by a process that died is looked for in the Sent folder by {@link #reconcile}:
 * SENT if its copy is there, UNCERTAIN if the folder was searched and holds none (it stays SENDING
 * while the folder cannot be searched) — and an UNCERTAIN draft goes out again only by the user's
 * {@code drafts resolve ID --resend}.
 *
 * <p>The door to the outbox's jobs, each in its own class: {@link Reconciliation} after a crash,
 * {@link SendPass} (timed by {@link SendOpenings}, its Sent copies appended beside the sends by
 * {@link SentCopies}), what the server's answer makes of a draft ({@link SendTransitions}) and the
 * user's {@link Resolutions}. Every change of a draft's status is {@link DraftLifecycle}'s.
 */
public final class OutboxService {
  private final Database db;
  private final Config.Me me;
  private final SendWindow window;
  private final Clock clock;
  private final OutboxStore store = new OutboxStore();
  private final Reconciliation reconciliation;
  private final SendPass pass;
  private final Resolutions resolutions;

  public OutboxService(
      Database db, ContactService contacts, Config config, Clock clock, CrashPoints crash) {
    this(
        db,
        contacts,
        config.me(),
        config.sandbox()
            ? SendWindow.unlimited(config.pacing().timezone())
            : SendWindow.of(config.pacing()),
        clock,
        crash);
  }

  OutboxService(
      Database db,
      ContactService contacts,
      Config.Me me,
      SendWindow window,
      Clock clock,
      CrashPoints crash) {
    this.db = db;
    this.me = me;
    this.window = window;
    this.clock = clock;
    DraftLifecycle lifecycle = new DraftLifecycle(contacts);
    SendTransitions transitions = new SendTransitions(lifecycle, contacts, clock, crash);
    this.reconciliation = new Reconciliation(db, store, lifecycle, transitions, clock);
    this.pass = new SendPass(db, store, contacts, lifecycle, me, window, transitions, clock, crash);
    this.resolutions = new Resolutions(db, store, contacts, lifecycle, transitions, clock);
  }

  /**
   * Holds approved nudges back while {@code inboxRead} is false (the daemon's inbox watcher has not
   * read the mailbox up to now), so a reply that is still unread stops a nudge before it goes.
   * Commands read the inbox before they send and need no gate.
   */
  public OutboxService holdNudgesUnless(BooleanSupplier inboxRead) {
    pass.holdNudgesUnless(inboxRead);
    return this;
  }

  public java.time.ZoneId zone() {
    return window.zone();
  }

  /** See {@link Reconciliation#reconcile}. */
  public PassSummary reconcile(OutboxMail mail) {
    return reconciliation.reconcile(mail);
  }

  /**
   * Cheap: true when some APPROVED draft is due and the cap and the window (in its contact's zone)
   * allow a send now.
   */
  public boolean hasWork() {
    return pass.hasWork();
  }

  /** Sends what is APPROVED, due and allowed now, over one SMTP connection. */
  public PassSummary sendDue(OutboxMail mail) {
    return pass.sendDue(mail);
  }

  /** See {@link Resolutions#resolve}. */
  public void resolve(long id, boolean sent) {
    resolutions.resolve(id, sent);
  }

  /** Sent messages without a copy in a Sent folder (none found, or the append failed). */
  public long uncopied() {
    return db.read(store::countUncopied);
  }

  /** The message this draft would be sent as now; see {@link MessagePreviews}. */
  public MessagePreview preview(long id) {
    return new MessagePreviews(db, store, me, clock).preview(id);
  }
}
