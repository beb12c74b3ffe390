package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftTemplates;
import dev.rapport.pause.Pause;
import dev.rapport.pause.PauseStore;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's work: finds each contact's next action from the database ({@link Planner}) and
 * does those due at {@code clock.instant()}. The database is the schedule; Quartz only wakes this
 * up at the right moments. Each action runs in its own transaction holding the contact's row and
 * asks the planner again inside it, so two runs (the daemon and a {@code sync}, or a job fired
 * twice) never draft twice. Nudges wait while the inbox has not been read up to now.
 */
public final class ScheduleService {
  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
  private static final Link SCHEDULER = new Link("scheduler", null);

  private final Database db;
  private final ContactService contacts;
  private final Supplier<DraftService> drafts;
  private final Config.Cadence cadence;
  private final Planner planner;
  private final BiFunction<Connection, Long, DraftTemplates.InterviewFacts> interviewFacts;
  private final PauseStore pauses = new PauseStore();
  private final Clock clock;
  private final BooleanSupplier inboxRead;
  private final DigestService digest;
  private final FactsStore facts = new FactsStore();
  private final FailureStore failures = new FailureStore();
  private final InterviewPrep prep;

  /**
   * @param drafts asked for only when a draft is due (it loads the template engine, which {@code
   *     contacts show} does not need)
   * @param prep what an interview's reminder says
   * @param inboxRead true when the inbox has been read up to now: nudges wait until it is
   * @param digest the morning digest, or null where none is sent
   */
  public ScheduleService(
      Database db,
      ContactService contacts,
      Supplier<DraftService> drafts,
      InterviewPrep prep,
      Config config,
      Clock clock,
      BooleanSupplier inboxRead,
      DigestService digest) {
    this(db, contacts, drafts, prep, config, clock, inboxRead, digest, (c, id) -> null);
  }

  /**
   * @param interviewFacts what a thank-you may say of the contact's last interview (its date and
   *     the highlight from the notes), read inside the scheduler's transaction; null for none
   */
  public ScheduleService(
      Database db,
      ContactService contacts,
      Supplier<DraftService> drafts,
      InterviewPrep prep,
      Config config,
      Clock clock,
      BooleanSupplier inboxRead,
      DigestService digest,
      BiFunction<Connection, Long, DraftTemplates.InterviewFacts> interviewFacts) {
    this.interviewFacts = interviewFacts;
    this.db = db;
    this.contacts = contacts;
    this.drafts = drafts;
    this.cadence = config.cadence();
    this.planner =
        new Planner(
            config.cadence(),
            config.pacing().timezone(),
            config.pacing().windowStart(),
            config.digest().at(),
            config.twoHour());
    this.prep = prep;
    this.clock = clock;
    this.inboxRead = inboxRead;
    this.digest = digest;
  }

  /** The contact's next action, or empty when nothing is scheduled for them. */
  public Optional<NextAction> next(long contactId) {
    return db.read(
        c -> {
          List<Pause> paused = pauses.all(c);
          return facts.load(c, contactId).flatMap(f -> planner.next(f, paused));
        });
  }

  /** Every contact's next action, soonest first. */
  public List<NextAction> plan() {
    return db.read(
        c -> {
          List<NextAction> all = new ArrayList<>();
          List<Pause> paused = pauses.all(c);
          for (ContactFacts f : facts.loadAll(c)) all.addAll(planner.all(f, paused));
          all.sort((a, b) -> a.at().compareTo(b.at()));
          return all;
        });
  }

  /**
   * When the next run has something to do: the soonest action, or the retry of a failed one; empty
   * when nothing is planned. The digest has its own moment, {@link #nextDigest}.
   */
  public Optional<Instant> nextWake() {
    Instant now = clock.instant();
    boolean read = inboxRead.getAsBoolean() && !pausedAt(now);
    Map<String, Instant> retries = new java.util.HashMap<>();
    for (FailureStore.Failure x : failures()) retries.put(x.key(), x.nextAttemptAt());
    Optional<Instant> soonest = Optional.empty();
    for (NextAction a : plan()) {
      boolean nudge = a.action() == Action.FOLLOW_UP || a.action() == Action.NO_RESPONSE;
      if (nudge && !read && a.dueAt(now)) continue; // held: the sweep looks again
      Instant retry = retries.get(a.action() + ":" + a.contactId());
      Instant at = retry != null && retry.isAfter(a.at()) ? retry : a.at();
      soonest = earliest(soonest, Optional.of(at));
    }
    Optional<Instant> digestRetry = Optional.ofNullable(retries.get(DigestService.FAILURE_KEY));
    return earliest(soonest, digestRetry);
  }

  /** The next digest moment, or empty when no digest is sent. */
  public Optional<Instant> nextDigest() {
    return digest == null ? Optional.empty() : digest.nextAt();
  }

  /** The failing actions waiting for another attempt, for doctor. */
  public List<FailureStore.Failure> failures() {
    return db.read(failures::all);
  }

  /** Does what is due now, in due order; then the digest if it is time for it. */
  public RunSummary runDue() {
    Instant now = clock.instant();
    Map<Action, Integer> done = new EnumMap<>(Action.class);
    List<String> failed = new ArrayList<>();
    int held = 0;
    boolean paused = pausedAt(now);
    boolean read = inboxRead.getAsBoolean();
    for (NextAction a : plan()) {
      if (!a.dueAt(now)) break;
      boolean nudge = a.action() == Action.FOLLOW_UP || a.action() == Action.NO_RESPONSE;
      if (nudge && (!read || paused)) {
        held++;
        continue;
      }
      String key = a.action() + ":" + a.contactId();
      if (db.read(c -> failures.waiting(c, key, now))) {
        failed.add(key);
        continue;
      }
      try {
        if (perform(a, now)) done.merge(a.action(), 1, Integer::sum);
        db.transaction(c -> clear(c, key));
      } catch (RuntimeException e) {
        Instant retry =
            db.transaction(c -> failures.record(c, key, a.contactId(), e.getMessage(), now));
        failed.add(key);
        log.warn(
            "scheduled {} for contact {} failed, retrying after {}: {}",
            a.action(),
            a.contactId(),
            retry,
            e.getMessage());
      }
    }
    if (held > 0)
      log.info(
          paused
              ? "{} nudge(s) held while rapport is paused"
              : "{} nudge(s) wait until the inbox has been read up to now",
          held);
    Optional<String> morning = Optional.empty();
    if (digest != null && db.read(c -> failures.waiting(c, DigestService.FAILURE_KEY, now))) {
      // A failed digest waits out its backoff like any action: a sweep every few seconds must
      // not become a login every few seconds, which gets the user's account locked.
      failed.add(DigestService.FAILURE_KEY);
    } else if (digest != null) {
      try {
        morning = digest.sendIfDue();
        db.transaction(c -> clear(c, DigestService.FAILURE_KEY));
      } catch (RuntimeException e) {
        Instant retry =
            db.transaction(
                c -> failures.record(c, DigestService.FAILURE_KEY, null, e.getMessage(), now));
        failed.add(DigestService.FAILURE_KEY);
        log.warn("the digest failed and will be tried again after {}: {}", retry, e.getMessage());
      }
    }
    return new RunSummary(done, held, failed, morning);
  }

  /** While the user has paused rapport, no nudge is drafted and nobody becomes NO_RESPONSE. */
  private boolean pausedAt(Instant now) {
    return db.read(c -> pauses.activeAt(c, now).isPresent());
  }

  private Void clear(Connection c, String key) {
    failures.clear(c, key);
    return null;
  }

  /**
   * Does one action if, inside the transaction holding the contact's row, it is still the contact's
   * next action and still due; false when another run did it first.
   */
  private boolean perform(NextAction planned, Instant now) {
    return db.transaction(
        c -> {
          Sql.list(
              c,
              "SELECT id FROM contact WHERE id = ? FOR UPDATE",
              rs -> rs.getLong(1),
              planned.contactId());
          Optional<ContactFacts> f = facts.load(c, planned.contactId());
          List<Pause> paused = pauses.all(c);
          Optional<NextAction> still =
              f.stream()
                  .flatMap(x -> planner.all(x, paused).stream())
                  .filter(x -> x.action() == planned.action())
                  .findFirst();
          if (still.isEmpty() || !still.get().dueAt(now)) return false;
          NextAction a = still.get();
          long id = a.contactId();
          switch (a.action()) {
            case FOLLOW_UP -> {
              var d =
                  drafts
                      .get()
                      .scheduled(
                          c,
                          id,
                          DraftKind.FOLLOW_UP,
                          "Follow-up "
                              + (f.get().followUps() + 1)
                              + " of "
                              + cadence.maxFollowUps()
                              + ": "
                              + a.why()
                              + ".");
              log.info("drafted follow-up {} for contact {}", d.id(), id);
            }
            case NO_RESPONSE -> {
              contacts.apply(
                  c, id, Trigger.NUDGES_EXHAUSTED, a.why() + " after the last nudge", SCHEDULER);
              log.info("contact {} is NO_RESPONSE", id);
            }
            case THANK_YOU -> {
              var d =
                  drafts
                      .get()
                      .scheduled(
                          c,
                          id,
                          DraftKind.THANK_YOU,
                          "thank-you: " + a.why(),
                          interviewFacts.apply(c, id));
              log.info("drafted thank-you {} for contact {}", d.id(), id);
            }
            case THANK_YOU_REMINDER -> {
              long draft = f.get().thankYouId();
              contacts.record(
                  c,
                  id,
                  EventType.REMINDER,
                  a.why()
                      + " and waits for your review: 'rapport drafts show "
                      + draft
                      + "', then 'rapport drafts approve "
                      + draft
                      + "'",
                  Link.draft(draft));
              log.info("reminder: thank-you draft {} for contact {} waits for review", draft, id);
            }
            case KEEP_IN_TOUCH -> {
              var d =
                  drafts
                      .get()
                      .scheduled(
                          c,
                          id,
                          DraftKind.KEEP_IN_TOUCH,
                          "keep in touch: " + a.why(),
                          // The note may mention the conversation: without these facts its
                          // interview branches never rendered.
                          interviewFacts.apply(c, id));
              log.info("drafted keep-in-touch note {} for contact {}", d.id(), id);
            }
            case REFERRAL_NUDGE -> {
              var r = Planner.introductionToNudge(f.get()).orElseThrow();
              var d =
                  drafts
                      .get()
                      .referralNudge(
                          c,
                          id,
                          "referral nudge: " + a.why(),
                          interviewFacts.apply(c, id),
                          contacts.require(c, r.referredId()),
                          r.referralId());
              contacts.record(
                  c,
                  id,
                  EventType.REFERRAL,
                  "Referral nudge draft "
                      + d.id()
                      + " about the introduction to "
                      + r.referredName()
                      + " (contact "
                      + r.referredId()
                      + ")",
                  new Link("referral", r.referralId()));
              log.info("drafted referral nudge {} for contact {}", d.id(), id);
            }
            case INTERVIEW_PREP -> {
              long interview = f.get().interview().id();
              contacts.record(
                  c,
                  id,
                  EventType.REMINDER,
                  prep.text(c, interview),
                  new Link("interview", interview));
              log.info("prep reminder for interview {} with contact {}", interview, id);
            }
          }
          return true;
        });
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }
}
