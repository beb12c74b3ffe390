package dev.rapport;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactEditor;
import dev.rapport.contact.ContactService;
import dev.rapport.daemon.Component;
import dev.rapport.daemon.Daemon;
import dev.rapport.daemon.DatabaseSlot;
import dev.rapport.daemon.OwnedDatabase;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.daemon.SharedDatabase;
import dev.rapport.dashboard.Dashboard;
import dev.rapport.dashboard.DashboardServices;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftTemplates;
import dev.rapport.draft.DraftsFollowContact;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.inbox.Inbox;
import dev.rapport.inbox.InboxSettings;
import dev.rapport.inbox.MessageHandler;
import dev.rapport.inbox.classify.Classifier;
import dev.rapport.inbox.classify.MessageReader;
import dev.rapport.interview.ComparisonService;
import dev.rapport.interview.InterviewService;
import dev.rapport.interview.Invitations;
import dev.rapport.interview.NotesService;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.Endpoint;
import dev.rapport.oauth.SignIns;
import dev.rapport.outbox.CrashPoints;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.outbox.OutboxService;
import dev.rapport.outbox.SelfMail;
import dev.rapport.pause.PauseService;
import dev.rapport.question.QuestionService;
import dev.rapport.schedule.DigestService;
import dev.rapport.schedule.InterviewPrep;
import dev.rapport.schedule.ScheduleRunner;
import dev.rapport.schedule.ScheduleService;
import dev.rapport.stats.StatsService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.suggest.WhoNext;
import dev.rapport.template.TemplateEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one place the object graph is built. Commands ask it for what they use; nothing is opened
 * until asked for, so a command that needs no database starts none.
 */
public final class App implements AutoCloseable, DashboardServices, DatabaseSlot {
  private final Config config;
  private final DataFolder data;
  private final Clock clock;
  private final Map<String, String> env;
  private Database db;
  private Supplier<Database> opener;
  private TemplateEngine templates;
  private BearerToken bearer;

  public App(Config config, DataFolder data, Clock clock, Map<String, String> env) {
    this.config = config;
    this.data = data;
    this.clock = clock;
    this.env = env;
  }

  public Config config() {
    return config;
  }

  public DataFolder data() {
    return data;
  }

  public Clock clock() {
    return clock;
  }

  public Map<String, String> env() {
    return env;
  }

  public synchronized Database database() {
    if (db == null) db = opener != null ? opener.get() : DatabaseOpener.open(data);
    return db;
  }

  /**
   * Where {@link #database()} gets the database when first asked, instead of opening the data
   * folder's itself: one already being opened for this folder (cli/EarlyDatabase).
   */
  public synchronized void openWith(Supplier<Database> opening) {
    if (db != null) throw new IllegalStateException("database already open");
    opener = opening;
  }

  /** Installs a database this process already opened (the daemon opens its own). */
  public synchronized void useDatabase(Database owned) {
    if (db != null) throw new IllegalStateException("database already open");
    db = owned;
  }

  public ContactService contacts() {
    return new ContactService(database(), clock);
  }

  /** Edits a contact's details; the drafts not yet sent to them follow. */
  public ContactEditor contactEditor() {
    return new ContactEditor(database(), contacts(), new DraftsFollowContact(contacts(), clock));
  }

  public HypothesisService hypotheses() {
    return new HypothesisService(database(), clock);
  }

  public StatsService stats() {
    return new StatsService(
        database(), clock, config.pacing().timezone(), config.pacing().weeklyGoal());
  }

  public PauseService pauses() {
    return new PauseService(database(), clock, config.pacing().timezone());
  }

  /** Target employers, the 3B7 routine and boosters ({@code method: two-hour}). */
  public dev.rapport.employer.EmployerService employers() {
    return new dev.rapport.employer.EmployerService(database(), clock, config.pacing().timezone());
  }

  public WhoNext whoNext() {
    return new WhoNext(database(), clock, stats());
  }

  public InterviewService interviews() {
    return new InterviewService(
        database(), contacts(), clock, config.pacing().timezone(), confirmations());
  }

  /** CONFIRM drafts for booked interviews, kept in step when an interview moves or is cancelled. */
  public dev.rapport.draft.Confirmations confirmations() {
    return new dev.rapport.draft.Confirmations(
        database(),
        contacts(),
        new dev.rapport.draft.DraftTemplates(templates(), config.me()),
        clock,
        config.me().name(),
        config.me().email());
  }

  public ComparisonService comparisons() {
    return new ComparisonService(database(), contacts(), questions(), hypotheses());
  }

  public NotesService notes() {
    return new NotesService(database(), contacts(), questions(), clock);
  }

  public QuestionService questions() {
    return new QuestionService(database(), clock);
  }

  /** One engine per process, so parsed templates are cached across drafts. */
  public synchronized TemplateEngine templates() {
    if (templates == null) templates = new TemplateEngine(config.templates());
    return templates;
  }

  public DraftService drafts() {
    return new DraftService(
        database(), contacts(), hypotheses(), new DraftTemplates(templates(), config.me()), clock);
  }

  /** The outbox: sends APPROVED drafts exactly once. */
  public OutboxService outbox() {
    return new OutboxService(
        database(), contacts(), config, clock, CrashPoints.fromSystemProperties());
  }

  /**
   * The scheduler's work. {@code inboxRead} says whether the inbox has been read up to now (nudges
   * wait until it has); {@code mail} is the route of the morning digest, asked for only when one
   * goes out (null: no digest from this process).
   */
  public ScheduleService schedule(BooleanSupplier inboxRead, Supplier<OutboxMail> mail) {
    InterviewPrep prep = new InterviewPrep(config, questions());
    DigestService digest =
        mail == null || !config.digest().enabled()
            ? null
            : new DigestService(
                database(),
                config,
                prep,
                () -> new SelfMail(mail.get(), config.me()),
                clock,
                () -> whoNext().suggest(null).suggestions().size(),
                () ->
                    config.twoHour()
                        ? employers().secondContacts().stream()
                            .map(dev.rapport.employer.SecondContact::text)
                            .toList()
                        : List.of());
    InterviewService interviews = interviews();
    return new ScheduleService(
        database(),
        contacts(),
        this::drafts,
        prep,
        config,
        clock,
        inboxRead,
        digest,
        interviews::thankYouFacts);
  }

  /**
   * The one place that chooses between the configured account and the sandbox. {@code
   * sandboxPorts}: where this process runs the sandbox mail server (the daemon); null for a
   * command, which uses the one the daemon runs on this data folder.
   */
  private MailRoute mailRoute(SandboxMail.Ports sandboxPorts) {
    String me = config.me().email();
    if (!config.sandbox())
      return new MailRoute.Account(
          config.mail().orElseThrow(), me, env, this::bearerToken, data.path());
    return sandboxPorts != null
        ? MailRoute.Sandbox.runs(new SandboxMail(sandboxPorts, me, data), me, data)
        : MailRoute.Sandbox.found(me, data);
  }

  /**
   * Where a command's outbox pass sends: the configured account, or the sandbox of the daemon
   * running on this data folder (the sandbox mail server lives inside {@code run}).
   */
  public OutboxMail outboxMail() {
    return mailRoute(null).outbox();
  }

  /**
   * The user's mailbox, for a command's inbox pass: the configured account's, or the one in the
   * sandbox of the daemon running on this data folder.
   */
  public Endpoint mailbox() {
    return mailRoute(null).mailbox();
  }

  /**
   * The daemon's parts in start order: the database opened as owner, then shared with commands on
   * 127.0.0.1, then (with no mail account configured) the sandbox mail server, then the inbox
   * watcher, whose start reads the mailbox before any later part runs, then the scheduler (so a
   * reply that came while the daemon was down is seen before any job runs), then the outbox, and
   * last the dashboard on 127.0.0.1.
   */
  public Daemon daemon(SandboxMail.Ports sandboxPorts) {
    List<Component> parts = new ArrayList<>();
    parts.add(new OwnedDatabase(data, this));
    parts.add(new SharedDatabase(data));
    MailRoute route = mailRoute(sandboxPorts);
    route.server().ifPresent(parts::add);
    Inbox inbox = inbox(route, route::mailbox);
    parts.add(inbox);
    Supplier<OutboxMail> mail = route::outbox;
    // Quartz's job store reaches the database through the daemon's own loopback server: its
    // threads are interrupted when it stops, and an interrupt during file I/O would close an
    // embedded H2 file for every part of the daemon.
    parts.add(
        new ScheduleRunner(
            () -> DatabaseOpener.open(data),
            true,
            () -> schedule(inbox::caughtUp, mail),
            ScheduleRunner.sweepEvery(config.cadence().followUpAfter())));
    parts.add(new Outbox(() -> outbox().holdNudgesUnless(inbox::caughtUp), mail, Outbox.POLL));
    parts.add(new Dashboard(this, config.dashboard().port(), () -> java.util.Optional.of(inbox)));
    return new Daemon(parts);
  }

  /**
   * The inbox watcher on the given mailbox; {@link Inbox#pollOnce} is one pass for commands, which
   * find the mailbox through {@link #mailbox}.
   */
  public Inbox inbox(Supplier<Endpoint> mailbox) {
    return inbox(mailRoute(null), mailbox);
  }

  private Inbox inbox(MailRoute route, Supplier<Endpoint> mailbox) {
    InboxSettings settings = route.inboxSettings();
    return new Inbox(
        this::database,
        () -> messageHandler(settings.bodyCap()),
        clock,
        mailbox,
        route.ownAddresses(),
        settings);
  }

  /**
   * What the watcher does with a message that may concern a contact; built once the database is
   * open. One reader, so each message is read once for the classifier and for what is kept.
   */
  private MessageHandler messageHandler(int bodyCap) {
    ContactService contacts = contacts();
    MessageReader reader = new MessageReader(bodyCap);
    return new MessageHandler(
        contacts,
        new Invitations(contacts, clock, clock.getZone()),
        reader,
        new Classifier(reader, Classifier.standardRules()),
        clock);
  }

  /**
   * The OAuth2 access tokens of the configured account, one source for SMTP and IMAP in this
   * process (so a refusal is seen once); null unless a server signs in with {@code auth: oauth2}.
   */
  public synchronized BearerToken bearerToken() {
    Config.Mail mail = config.mail().orElse(null);
    if (mail == null || mail.oauth2() == null || !mail.usesOAuth2()) return null;
    if (bearer == null) bearer = SignIns.bearer(mail.oauth2(), data.path(), env, clock);
    return bearer;
  }

  public synchronized void closeDatabase() {
    if (db != null) db.close();
    db = null;
  }

  @Override
  public synchronized void close() {
    closeDatabase();
  }
}
