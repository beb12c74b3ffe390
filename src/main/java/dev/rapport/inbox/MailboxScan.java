package dev.rapport.inbox;

import dev.rapport.store.Database;
import dev.rapport.store.StoreException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one folder opened read-only: the messages above the last UID processed (or, the first
 * time and after the server renumbered its UIDs, those received since a bounded date), their header
 * fields fetched in batches of UIDs, the bodies — at most {@code bodyCap} bytes each, peeked, one
 * command per batch — only of messages that may concern a contact. Each such message is handled in
 * one transaction with the folder's checkpoint; past unrelated ones the checkpoint moves once per
 * batch, and only the message it rests on is recorded. The mailbox is never changed: no flags, no
 * moves, no deletes.
 */
final class MailboxScan {
  private static final Logger log = LoggerFactory.getLogger(MailboxScan.class);

  /** SEARCH SINCE is by date only, and servers differ in their time zone: a day of slack. */
  private static final Duration SINCE_SLACK = Duration.ofDays(1);

  private final Database db;
  private final InboxStore store;
  private final MessageHandler handler;
  private final InboxSettings settings;
  private final Clock clock;

  MailboxScan(
      Database db, InboxStore store, MessageHandler handler, InboxSettings settings, Clock clock) {
    this.db = db;
    this.store = store;
    this.handler = handler;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param correspondence what is known of the user's mail, read after the messages to look at are
   *     listed: every one of them arrived after it, so a reply is never judged by a snapshot older
   *     than the message it answers
   */
  PollResult scan(
      IMAPFolder folder,
      String stateKey,
      java.util.function.Supplier<Correspondence> correspondence)
      throws MessagingException {
    long uidValidity = folder.getUIDValidity();
    long uidNext = currentUidNext(folder);
    FolderState state = db.read(c -> store.state(c, stateKey)).orElse(null);
    Instant now = clock.instant();
    long[] uids;
    boolean bySearch;
    if (state == null) {
      Instant since = now.minus(settings.firstScan());
      log.info("first scan of {}: mail received since {}", stateKey, since);
      uids = ImapReads.uidsSince(folder, Date.from(since.minus(SINCE_SLACK)));
      bySearch = true;
    } else if (state.uidValidity() != uidValidity
        || (uidNext > 0 && uidNext <= state.lastUid())
        || renumbered(folder, stateKey, state)) {
      // A fresh sandbox mailbox (GreenMail keeps mail in memory) or a rebuilt one: UIDs mean
      // nothing any more. Look at what arrived since the last scan; known Message-IDs are skipped.
      if (state.uidValidity() != uidValidity) {
        log.info(
            "{} has new UIDs (UIDVALIDITY {} → {}): re-reading mail since {} and matching it by Message-ID",
            stateKey,
            state.uidValidity(),
            uidValidity,
            state.scannedAt());
      } else {
        log.debug(
            "{} was renumbered under the same UIDVALIDITY {} (UIDNEXT {}, last read UID {}): re-reading mail since {}",
            stateKey,
            uidValidity,
            uidNext,
            state.lastUid(),
            state.scannedAt());
      }
      uids = ImapReads.uidsSince(folder, Date.from(state.scannedAt().minus(SINCE_SLACK)));
      bySearch = true;
    } else {
      Message[] above = folder.getMessagesByUID(state.lastUid() + 1, UIDFolder.MAXUID);
      List<Long> list = new ArrayList<>();
      for (Message m : above) {
        long uid = folder.getUID(m);
        if (uid > state.lastUid())
          list.add(uid); // "UID n:*" always returns the last message, even below n
      }
      uids = list.stream().mapToLong(Long::longValue).sorted().toArray();
      bySearch = false;
    }
    Correspondence known = correspondence.get();
    Run run = new Run(stateKey, uidValidity, bySearch, known);
    run.last = bySearch ? 0 : state.lastUid();
    for (int i = 0; i < uids.length; i += settings.batchSize()) {
      long[] batch = Arrays.copyOfRange(uids, i, Math.min(uids.length, i + settings.batchSize()));
      List<IncomingHeaders> headers = headers(folder, batch, run);
      List<IncomingHeaders> concerned = headers.stream().filter(known::mayConcernAContact).toList();
      Map<Long, byte[]> bodies =
          bodies(folder, concerned.stream().mapToLong(IncomingHeaders::uid).toArray());
      for (IncomingHeaders h : headers) run.one(h, concerned.contains(h), bodies.get(h.uid()));
      run.last =
          Math.max(
              run.last,
              batch[
                  batch.length - 1]); // every UID of the batch is handled, also ones gone meanwhile
      run.flushUnrelated(); // keep memory and the rollback of a crash small
    }
    // Everything up to UIDNEXT-1 as the scan started is now read (searches skip old mail on
    // purpose).
    long last = Math.max(run.last, bySearch && uidNext > 0 ? uidNext - 1 : run.last);
    FolderState done = new FolderState(uidValidity, last, now);
    db.transaction(
        c -> {
          store.saveState(c, stateKey, done);
          return null;
        });
    return new PollResult(
        run.examined, run.downloaded, run.matched, bySearch && state != null, run.softBounces);
  }

  /**
   * UIDNEXT as it is now. Of a folder kept open (the watcher's, between IDLEs) Angus Mail gives the
   * value EXAMINE reported, older than any mail that came since: the last message's UID corrects
   * it. Taken as it was, every poll after new mail looked like a renumbered mailbox.
   */
  private static long currentUidNext(IMAPFolder folder) throws MessagingException {
    long next = folder.getUIDNext();
    int count = folder.getMessageCount();
    if (count == 0) return next;
    try {
      return Math.max(next, folder.getUID(folder.getMessage(count)) + 1);
    } catch (MessageRemovedException e) {
      return next; // expunged by another client meanwhile: the next poll looks again
    }
  }

  /**
   * The header fields of a batch; when the server refuses the batch (a message it cannot serve),
   * message by message, and a message it cannot serve at all is skipped with a warning.
   */
  private List<IncomingHeaders> headers(IMAPFolder folder, long[] batch, Run run)
      throws MessagingException {
    try {
      return ImapReads.headers(folder, batch, IncomingHeaders.FIELDS);
    } catch (MessagingException e) {
      if (isConnectionLoss(e)) throw e;
      log.warn(
          "{}: the server refused the header fields of UIDs {}..{} ({}); reading them one by one",
          run.stateKey,
          batch[0],
          batch[batch.length - 1],
          e.getMessage());
    }
    List<IncomingHeaders> out = new ArrayList<>();
    for (long uid : batch) {
      try {
        out.addAll(ImapReads.headers(folder, new long[] {uid}, IncomingHeaders.FIELDS));
      } catch (MessagingException e) {
        if (isConnectionLoss(e)) throw e;
        log.warn(
            "skipped message UID {} in {}: the server could not give its header ({})",
            uid,
            run.stateKey,
            e.getMessage());
        run.unreadable(uid);
      }
    }
    return out;
  }

  /**
   * Bodies in one command; one by one when that is refused; a body that cannot be had is left out.
   */
  private Map<Long, byte[]> bodies(IMAPFolder folder, long[] uids) throws MessagingException {
    if (uids.length == 0) return Map.of();
    try {
      return ImapReads.bodies(folder, uids, settings.bodyCap());
    } catch (MessagingException e) {
      if (isConnectionLoss(e)) throw e;
    }
    Map<Long, byte[]> out = new java.util.HashMap<>();
    for (long uid : uids) {
      try {
        out.putAll(ImapReads.bodies(folder, new long[] {uid}, settings.bodyCap()));
      } catch (MessagingException e) {
        if (isConnectionLoss(e)) throw e;
      }
    }
    return out;
  }

  /**
   * True when the message we last processed now has another UID's place: a server that lost its
   * mailbox and kept UIDVALIDITY (GreenMail derives it from the clock's second, so a restart within
   * a second keeps it while UIDs start again at 1).
   */
  private boolean renumbered(IMAPFolder folder, String stateKey, FolderState state)
      throws MessagingException {
    if (state.lastUid() < 1) return false;
    String expected =
        db.read(c -> store.keyAt(c, stateKey, state.uidValidity(), state.lastUid())).orElse(null);
    if (expected == null) return false;
    List<IncomingHeaders> now =
        ImapReads.headers(folder, new long[] {state.lastUid()}, IncomingHeaders.FIELDS);
    return !now.isEmpty()
        && !now.get(0).key().equals(expected); // gone: expunged, nothing says the numbering changed
  }

  /** The state of one scan as it walks the messages in UID order. */
  private final class Run {
    final String stateKey;
    final long uidValidity;
    final boolean bySearch;
    final Correspondence known;

    /**
     * The newest unrelated message not yet written down (null headers: one the server could not
     * serve). Unrelated mail is not recorded message by message — at 20,000 messages that was half
     * the first scan — only the one the checkpoint rests on, so that {@link #renumbered} can check
     * it is still there.
     */
    long pendingUid = -1;

    IncomingHeaders pendingHeaders;
    final List<String> softBounces = new ArrayList<>();
    long last;
    int examined;
    int downloaded;
    int matched;

    Run(String stateKey, long uidValidity, boolean bySearch, Correspondence known) {
      this.stateKey = stateKey;
      this.uidValidity = uidValidity;
      this.bySearch = bySearch;
      this.known = known;
    }

    void one(IncomingHeaders h, boolean concerned, byte[] body) {
      examined++;
      long uid = h.uid();
      if (!concerned) {
        pendingUid = uid;
        pendingHeaders = h;
        last = uid;
        return;
      }
      flushUnrelated();
      String key = h.key();
      if (db.read(c -> store.known(c, key))) {
        log.debug("message UID {} ({}) was processed before", uid, key);
        checkpoint(uid);
        return;
      }
      byte[] raw;
      if (body == null) {
        log.warn(
            "message UID {} in {}: the body could not be downloaded; classifying its header alone",
            uid,
            stateKey);
        raw = h.asHeaderBlock();
      } else {
        raw = body;
        downloaded++;
      }
      try {
        MessageHandler.Outcome outcome =
            db.transaction(
                c -> {
                  if (store.known(c, key)) return null;
                  MessageHandler.Outcome o =
                      handler.handle(c, stateKey, uidValidity, h, raw, known);
                  if (!bySearch)
                    store.saveState(
                        c, stateKey, new FolderState(uidValidity, uid, clock.instant()));
                  return o;
                });
        if (outcome != null && outcome.contactId() != null) matched++;
        if (outcome != null && outcome.softBounce() != null) softBounces.add(outcome.softBounce());
      } catch (StoreException e) {
        throw e; // the database is not the message's fault: stop here, the checkpoint stays before
        // it
      } catch (RuntimeException e) {
        log.warn(
            "skipped message UID {} in {}: it could not be processed ({})",
            uid,
            stateKey,
            e.toString());
        db.transaction(
            c -> {
              store.insertUnrelated(
                  c, stateKey, uidValidity, List.of(Map.entry(uid, key)), clock.instant());
              if (!bySearch)
                store.saveState(c, stateKey, new FolderState(uidValidity, uid, clock.instant()));
              return null;
            });
      }
      last = uid;
    }

    /** A message the server cannot serve: recorded by its position, and passed. */
    void unreadable(long uid) {
      if (uid > pendingUid) {
        pendingUid = uid;
        pendingHeaders = null;
      }
    }

    /**
     * Records the newest unrelated message seen so far and moves the checkpoint past them all, in
     * one transaction.
     */
    void flushUnrelated() {
      if (pendingUid < 0) return;
      String key =
          pendingHeaders == null
              ? "unreadable:" + uidValidity + ":" + pendingUid
              : pendingHeaders.key();
      List<Map.Entry<Long, String>> batch = List.of(Map.entry(pendingUid, key));
      pendingUid = -1;
      pendingHeaders = null;
      long upTo = last;
      db.transaction(
          c -> {
            store.insertUnrelated(c, stateKey, uidValidity, batch, clock.instant());
            if (!bySearch)
              store.saveState(c, stateKey, new FolderState(uidValidity, upTo, clock.instant()));
            return null;
          });
    }

    private void checkpoint(long uid) {
      last = uid;
      if (bySearch) return;
      db.transaction(
          c -> {
            store.saveState(c, stateKey, new FolderState(uidValidity, uid, clock.instant()));
            return null;
          });
    }
  }

  /** The connection or the folder went away: not the message's fault; the caller reconnects. */
  static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FolderClosedException
          || t instanceof StoreClosedException
          || t instanceof ConnectionException
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
