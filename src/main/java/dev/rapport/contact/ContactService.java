package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adding, finding and moving contacts; every change is an event on the contact's timeline. */
public final class ContactService {
  /** A research note is free text, up to a page or so. */
  public static final int MAX_NOTE = 10_000;

  private final Database db;
  private final Clock clock;
  private final ContactStore contacts = new ContactStore();
  private final Timeline timeline = new Timeline();
  private final StageMachine machine = new StageMachine();

  public ContactService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Contact add(NewContact given) {
    NewContact n = given.validated();
    return db.transaction(
        c -> {
          Contact created =
              insert(c, n, clock.instant(), EventType.CREATED, "added with contacts add");
          return created;
        });
  }

  /**
   * Inserts a validated contact and its first event inside the caller's transaction; refuses a
   * duplicate address and references to missing records.
   */
  public Contact insert(
      Connection c, NewContact n, Instant now, EventType firstEvent, String detail) {
    if (n.profileUrl() != null) {
      Optional<Contact> same = contacts.findByProfileUrl(c, n.profileUrl());
      if (same.isPresent())
        throw new InvalidInputException(
            "profile-url: "
                + n.profileUrl()
                + " is already contact "
                + same.get().id()
                + " ("
                + same.get().name()
                + ")");
    }
    if (n.email() != null && contacts.emailTaken(c, n.email())) {
      Contact existing = contacts.findByEmail(c, n.email()).orElseThrow();
      throw new InvalidInputException(
          "email: "
              + n.email()
              + " is already contact "
              + existing.id()
              + " ("
              + existing.name()
              + ")");
    }
    if (n.referredBy() != null && contacts.find(c, n.referredBy()).isEmpty()) {
      throw new NotFoundException("referred-by: there is no contact " + n.referredBy());
    }
    if (n.hypothesisId() != null
        && Sql.count(c, "SELECT COUNT(*) FROM hypothesis WHERE id = ?", n.hypothesisId()) == 0) {
      throw new NotFoundException("hypothesis: there is no hypothesis " + n.hypothesisId());
    }
    long id = contacts.insert(c, n, now);
    timeline.record(c, id, now, firstEvent, detail, null, null);
    if (n.note() != null) timeline.record(c, id, now, EventType.NOTE, n.note(), null, null);
    if (n.keepInTouch()) {
      timeline.record(
          c, id, now, EventType.KEEP_IN_TOUCH_MARKED, "marked to keep in touch with", null, null);
    }
    if (n.timezone() != null) {
      timeline.record(c, id, now, EventType.TIMEZONE_SET, "time zone " + n.timezone(), null, null);
    }
    return contacts.find(c, id).orElseThrow();
  }

  /**
   * Inserts many validated contacts, each with its first event (and its note), inside the caller's
   * transaction, in batches: what an import of thousands needs. Unlike {@link #insert} it does not
   * look each address up first: the caller has already set duplicates aside (see {@link
   * ContactStore#emailKeys}), and one that slips through still fails the whole batch on the table's
   * unique key, as a missing reference fails on its foreign key. Returns the ids in order.
   */
  public List<Long> insertAll(
      Connection c, List<NewContact> all, Instant now, EventType firstEvent, List<String> details) {
    if (details.size() != all.size()) throw new IllegalArgumentException("one detail per contact");
    List<Long> ids = contacts.insertAll(c, all, now);
    List<Timeline.Entry> first = new ArrayList<>(ids.size());
    List<Timeline.Entry> notes = new ArrayList<>();
    List<Timeline.Entry> kept = new ArrayList<>();
    List<Timeline.Entry> zones = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      NewContact n = all.get(i);
      first.add(new Timeline.Entry(ids.get(i), details.get(i)));
      if (n.note() != null) notes.add(new Timeline.Entry(ids.get(i), n.note()));
      if (n.keepInTouch()) kept.add(new Timeline.Entry(ids.get(i), "marked to keep in touch with"));
      if (n.timezone() != null)
        zones.add(new Timeline.Entry(ids.get(i), "time zone " + n.timezone()));
    }
    timeline.recordAll(c, now, firstEvent, first);
    timeline.recordAll(c, now, EventType.NOTE, notes);
    timeline.recordAll(c, now, EventType.KEEP_IN_TOUCH_MARKED, kept);
    timeline.recordAll(c, now, EventType.TIMEZONE_SET, zones);
    return ids;
  }

  public Contact get(long id) {
    return db.read(c -> require(c, id));
  }

  public List<Contact> list(Optional<Stage> stage) {
    return db.read(c -> contacts.list(c, stage));
  }

  /** The contact list's lines: {@link #list}'s contacts, seven of their fields. */
  public List<ContactRow> rows(Optional<Stage> stage) {
    return db.read(c -> contacts.rows(c, stage));
  }

  public ContactDetails show(long id) {
    return db.read(c -> new ContactDetails(require(c, id), timeline.of(c, id)));
  }

  /**
   * A dated note of what the user learned about a contact (their work, a talk, a shared interest):
   * on the timeline, and in the reminder before an interview.
   */
  public Contact note(long id, String text) {
    String note = text == null ? "" : text.strip();
    if (note.isEmpty()) throw new InvalidInputException("note: the note is empty");
    if (note.length() > MAX_NOTE)
      throw new InvalidInputException(
          "note: longer than " + MAX_NOTE + " characters (" + note.length() + ")");
    return db.transaction(
        c -> {
          Contact contact = require(c, id);
          record(c, id, EventType.NOTE, note, Link.command("contacts note"));
          return contact;
        });
  }

  /**
   * Marks a contact to keep in touch with ({@code keep}), or takes the mark away: the scheduler
   * plans keep-in-touch notes for a marked contact after any exchange (docs/SCHEDULER.md). Recorded
   * on the timeline when it changes anything; a note already drafted is left for the user's review.
   */
  public Contact keepInTouch(long id, boolean keep) {
    return keepInTouch(id, keep, Link.command("contacts keep"));
  }

  /** As {@link #keepInTouch(long, boolean)}, from {@code where} (a command, or the dashboard). */
  public Contact keepInTouch(long id, boolean keep, Link where) {
    return db.transaction(
        c -> {
          Contact contact = require(c, id);
          if (contact.keepInTouch() == keep) return contact;
          contacts.setKeepInTouch(c, id, keep, clock.instant());
          record(
              c,
              id,
              EventType.KEEP_IN_TOUCH_MARKED,
              keep ? "marked to keep in touch with" : "no longer marked to keep in touch with",
              where);
          return require(c, id);
        });
  }

  /**
   * Sets the contact's own time zone (an IANA name such as Europe/Paris), or clears it with null:
   * the outbox sends to them inside the sending window in that zone. Refuses a name that is not a
   * zone, saying which.
   */
  public Contact timezone(long id, String zone) {
    return timezone(id, zone, Link.command("contacts timezone"));
  }

  /** As {@link #timezone(long, String)}, from {@code where}. */
  public Contact timezone(long id, String zone, Link where) {
    java.time.ZoneId parsed = zone == null ? null : TimeZones.parse(zone);
    return db.transaction(
        c -> {
          Contact contact = require(c, id);
          if (java.util.Objects.equals(contact.timezone(), parsed)) return contact;
          contacts.setTimezone(c, id, parsed, clock.instant());
          record(
              c,
              id,
              EventType.TIMEZONE_SET,
              parsed == null
                  ? "time zone cleared (was " + contact.timezone() + "): the user's applies"
                  : "time zone "
                      + parsed.getId()
                      + (contact.timezone() == null ? "" : " (was " + contact.timezone() + ")"),
              where);
          return require(c, id);
        });
  }

  /** A contact before and after an edit of its details. */
  public record Edited(Contact before, Contact after) {
    public boolean emailChanged() {
      return !java.util.Objects.equals(before.email(), after.email());
    }

    /** An address was added to a contact reached off email, who stays there until told. */
    public boolean addressOffEmail() {
      return after.channel().byHand() && after.email() != null && before.email() == null;
    }

    public boolean changed() {
      return !before.equals(after);
    }
  }

  /**
   * Changes a contact's details (name, address, company, role, tier, level, hypothesis), checked as
   * {@code contacts add} checks them, inside the caller's transaction; one event on the timeline
   * says what changed. Nothing changes, and nothing is recorded, when every value is the one it
   * had. The stage is not touched: a BOUNCED contact with a corrected address is moved by the user.
   */
  public Edited edit(Connection c, long id, ContactChanges ch, Link where) {
    Contact before = require(c, id);
    NewContact merged =
        new NewContact(
                ch.name() != null ? ch.name() : before.name(),
                ch.email() != null ? emptyToNull(ch.email()) : before.email(),
                ch.company() != null ? ch.company() : before.company(),
                ch.role() != null ? ch.role() : before.role(),
                ch.tier() != null ? ch.tier() : before.tier(),
                before.referredBy(),
                ch.clearHypothesis()
                    ? null
                    : ch.hypothesisId() != null ? ch.hypothesisId() : before.hypothesisId(),
                null,
                before.source())
            .withLevel(ch.clearLevel() ? null : ch.level() != null ? ch.level() : before.level())
            .withChannel(
                ch.channel() != null ? ch.channel() : before.channel(),
                ch.profileUrl() != null ? emptyToNull(ch.profileUrl()) : before.profileUrl(),
                ch.phone() != null ? emptyToNull(ch.phone()) : before.phone(),
                before.connectedOn())
            .validated();
    if (merged.profileUrl() != null && !merged.profileUrl().equals(before.profileUrl())) {
      Optional<Contact> other = contacts.findByProfileUrl(c, merged.profileUrl());
      if (other.isPresent() && other.get().id() != id)
        throw new InvalidInputException(
            "profile-url: "
                + merged.profileUrl()
                + " is already contact "
                + other.get().id()
                + " ("
                + other.get().name()
                + ")");
    }
    if (merged.email() != null
        && !EmailAddresses.key(merged.email()).equals(ContactStore.key(before.email()))) {
      Optional<Contact> other = contacts.findByEmail(c, merged.email());
      if (other.isPresent() && other.get().id() != id)
        throw new InvalidInputException(
            "email: "
                + merged.email()
                + " is already contact "
                + other.get().id()
                + " ("
                + other.get().name()
                + ")");
    }
    if (merged.hypothesisId() != null
        && Sql.count(c, "SELECT COUNT(*) FROM hypothesis WHERE id = ?", merged.hypothesisId())
            == 0) {
      throw new NotFoundException("hypothesis: there is no hypothesis " + merged.hypothesisId());
    }
    List<String> changes = new ArrayList<>();
    change(changes, "name", before.name(), merged.name());
    change(changes, "email", before.email(), merged.email());
    change(changes, "company", before.company(), merged.company());
    change(changes, "role", before.role(), merged.role());
    change(changes, "tier", before.tier(), merged.tier());
    change(changes, "level", before.level(), merged.level());
    change(changes, "hypothesis", before.hypothesisId(), merged.hypothesisId());
    change(changes, "channel", before.channel(), merged.channel());
    change(changes, "profile URL", before.profileUrl(), merged.profileUrl());
    change(changes, "phone", before.phone(), merged.phone());
    if (changes.isEmpty()) return new Edited(before, before);
    contacts.updateDetails(c, id, merged, clock.instant());
    record(c, id, EventType.EDITED, "details changed: " + String.join("; ", changes), where);
    return new Edited(before, require(c, id));
  }

  private static String emptyToNull(String s) {
    return s.isBlank() ? null : s;
  }

  private static void change(List<String> changes, String field, Object was, Object now) {
    if (java.util.Objects.equals(was, now)) return;
    changes.add(
        field + " " + (was == null ? "(none)" : was) + " → " + (now == null ? "(none)" : now));
  }

  /** A move by the user's hand, recorded with the user's note. */
  public Contact moveManually(long id, Stage to, String note) {
    return moveManually(id, to, note, Link.command("contacts stage"));
  }

  /** A move by the user's hand from {@code where} (a command, or the dashboard). */
  public Contact moveManually(long id, Stage to, String note, Link where) {
    return db.transaction(c -> moveManually(c, id, to, note, where));
  }

  /** As above, inside the caller's transaction. */
  public Contact moveManually(Connection c, long id, Stage to, String note, Link where) {
    Contact contact = require(c, id);
    Stage target = machine.manual(contact.stage(), to);
    String detail =
        contact.stage()
            + " → "
            + target
            + " by hand"
            + (note == null || note.isBlank() ? "" : ": " + note.strip());
    move(c, contact, target, contact.followUps(), detail, where);
    return require(c, id);
  }

  /**
   * Applies an automatic trigger inside the caller's transaction. Returns the new stage, or empty
   * when the trigger does not move a contact in its present stage.
   */
  public Optional<Stage> apply(Connection c, long id, Trigger trigger, String detail, Link link) {
    Contact contact = require(c, id);
    Optional<Stage> next = machine.next(contact.stage(), trigger);
    if (next.isEmpty()) return next;
    int followUps = trigger == Trigger.NUDGE_SENT ? contact.followUps() + 1 : contact.followUps();
    String text =
        contact.stage()
            + " → "
            + next.get()
            + " ("
            + trigger
            + ")"
            + (detail == null ? "" : ": " + detail);
    move(c, contact, next.get(), followUps, text, link);
    return next;
  }

  /**
   * Records a reply received, with its own words and the phrase that reads like a no (or null),
   * inside the caller's transaction.
   */
  public void recordReply(
      Connection c,
      long id,
      String detail,
      String technical,
      Link link,
      String excerpt,
      String declinePhrase) {
    timeline.recordReply(c, id, clock.instant(), detail, technical, link, excerpt, declinePhrase);
  }

  /** Adds an event to a contact's timeline inside the caller's transaction. */
  public void record(Connection c, long id, EventType type, String detail, Link link) {
    record(c, id, type, detail, null, link);
  }

  /**
   * Adds an event whose sentence stays plain, with its technical particulars (Message-IDs, the
   * server's reply) apart, shown on request.
   */
  public void record(
      Connection c, long id, EventType type, String detail, String technical, Link link) {
    timeline.record(
        c,
        id,
        clock.instant(),
        type,
        detail,
        technical,
        link == null ? null : link.type(),
        link == null ? null : link.id());
  }

  /**
   * Adds an event that belongs to interview {@code interviewId} without being linked to it (a
   * referral in its notes, the invitation that booked it), inside the caller's transaction.
   */
  public void recordForInterview(
      Connection c, long id, EventType type, String detail, Link link, long interviewId) {
    timeline.recordForInterview(c, id, clock.instant(), type, detail, link, interviewId);
  }

  /**
   * The latest research note on the contact ({@code contacts note}, or the note it was added with).
   */
  public Optional<String> latestNote(Connection c, long id) {
    return timeline.latest(c, id, EventType.NOTE);
  }

  public Contact require(Connection c, long id) {
    return contacts
        .find(c, id)
        .orElseThrow(() -> new NotFoundException("There is no contact " + id + "."));
  }

  private void move(
      Connection c, Contact contact, Stage to, int followUps, String detail, Link link) {
    Instant now = clock.instant();
    contacts.updateStage(c, contact.id(), to, followUps, now);
    timeline.recordStage(c, contact.id(), now, contact.stage(), to, detail, link);
  }
}
