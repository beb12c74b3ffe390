package dev.rapport.inbox;

import dev.rapport.store.Database;
import dev.rapport.store.StoreException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
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
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one folder opened read-only: the messages above the last UID processed (or, the
 * first time and after the server renumbered its UIDs, those received since a bounded date),
 * their header fields fetched in batches, the body — at most {@code bodyCap} bytes, peeked —
 * downloaded only for messages that may concern a contact. Each such message is handled in
 * one transaction with the folder's checkpoint; unrelated ones are recorded in batches. The
 * mailbox is never changed: no flags, no moves, no deletes.
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

  MailboxScan(Database db, InboxStore store, MessageHandler handler, InboxSettings settings, Clock clock) {
    this.db = db;
    this.store = store;
    this.handler = handler;
    this.settings = settings;
    this.clock = clock;
  }

  PollResult scan(IMAPFolder folder, String stateKey, Correspondence known) throws MessagingException {
    long uidValidity = folder.getUIDValidity();
    long uidNext = folder.getUIDNext();
    FolderState state = db.read(c -> store.state(c, stateKey)).orElse(null);
    Instant now = clock.instant();
    Message[] messages;
    boolean bySearch;
    if (state == null) {
      Instant since = now.minus(settings.firstScan());
      log.info("first scan of {}: mail received since {}", stateKey, since);
      messages = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since.minus(SINCE_SLACK))));
      bySearch = true;
    } else if (state.uidValidity() != uidValidity || (uidNext > 0 && uidNext <= state.lastUid())
        || renumbered(folder, stateKey, state)) {
      // A fresh sandbox mailbox (GreenMail keeps mail in memory) or a rebuilt one: UIDs mean
      // nothing any more. Look at what arrived since the last scan; known Message-IDs are skipped.
      Instant since = state.scannedAt();
      log.info("{} has new UIDs (UIDVALIDITY {} → {}): re-reading mail since {} and matching by Message-ID",
          stateKey, state.uidValidity(), uidValidity, since);
      messages = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since.minus(SINCE_SLACK))));
      bySearch = true;
    } else {
      messages = folder.getMessagesByUID(state.lastUid() + 1, UIDFolder.MAXUID);
      bySearch = false;
    }
    long floor = bySearch ? 0 : state.lastUid();
    Run run = new Run(folder, stateKey, uidValidity, bySearch, known);
    run.last = floor;
    for (int i = 0; i < messages.length; i += settings.batchSize()) {
      Message[] batch = Arrays.copyOfRange(messages, i, Math.min(messages.length, i + settings.batchSize()));
      folder.fetch(batch, profile());
      for (Message m : batch) {
        long uid = folder.getUID(m);
        if (uid <= floor) continue; // "UID n:*" always returns the last message, even below n
        run.one((IMAPMessage) m, uid);
      }
      run.flushUnrelated(); // keep memory and the rollback of a crash small
    }
    // Everything up to UIDNEXT-1 as the scan started is now read (searches skip old mail on purpose).
    long last = Math.max(run.last, bySearch && uidNext > 0 ? uidNext - 1 : run.last);
    FolderState done = new FolderState(uidValidity, last, now);
    db.transaction(c -> {
      store.saveState(c, stateKey, done);
      return null;
    });
    return new PollResult(run.examined, run.downloaded, run.matched, bySearch && state != null);
  }

  /**
   * True when the message we last processed now has another UID's place: a server that lost
   * its mailbox and kept UIDVALIDITY (GreenMail derives it from the clock's second, so a
   * restart within a second keeps it while UIDs start again at 1).
   */
  private boolean renumbered(IMAPFolder folder, String stateKey, FolderState state) throws MessagingException {
    if (state.lastUid() < 1) return false;
    String expected = db.read(c -> store.keyAt(c, stateKey, state.uidValidity(), state.lastUid())).orElse(null);
    if (expected == null) return false;
    Message m = folder.getMessageByUID(state.lastUid());
    if (m == null) return false; // expunged: nothing says the numbering changed
    folder.fetch(new Message[] {m}, profile());
    return !headersOf((IMAPMessage) m, state.lastUid()).key().equals(expected);
  }

  private static FetchProfile profile() {
    FetchProfile p = new FetchProfile();
    p.add(UIDFolder.FetchProfileItem.UID);
    p.add(FetchProfile.Item.SIZE);
    for (String f : IncomingHeaders.FIELDS) p.add(f);
    return p;
  }

  /** The state of one scan as it walks the messages in UID order. */
  private final class Run {
    final IMAPFolder folder;
    final String stateKey;
    final long uidValidity;
    final boolean bySearch;
    final Correspondence known;
    final List<Map.Entry<Long, String>> unrelated = new ArrayList<>();
    long last;
    int examined;
    int downloaded;
    int matched;

    Run(IMAPFolder folder, String stateKey, long uidValidity, boolean bySearch, Correspondence known) {
      this.folder = folder;
      this.stateKey = stateKey;
      this.uidValidity = uidValidity;
      this.bySearch = bySearch;
      this.known = known;
    }

    void one(IMAPMessage m, long uid) throws MessagingException {
      examined++;
      IncomingHeaders h;
      try {
        h = headersOf(m, uid);
      } catch (MessagingException e) {
        if (isConnectionLoss(e)) throw e;
        log.warn("skipped message UID {} in {}: its header could not be read ({})", uid, stateKey, e.getMessage());
        unrelated.add(Map.entry(uid, "unreadable:" + uidValidity + ":" + uid));
        last = uid;
        return;
      }
      if (!known.mayConcernAContact(h)) {
        unrelated.add(Map.entry(uid, h.key()));
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
      byte[] raw = download(m, h);
      downloaded++;
      try {
        MessageHandler.Outcome outcome = db.transaction(c -> {
          if (store.known(c, key)) return null;
          MessageHandler.Outcome o = handler.handle(c, stateKey, uidValidity, h, raw, known);
          if (!bySearch) store.saveState(c, stateKey, new FolderState(uidValidity, uid, clock.instant()));
          return o;
        });
        if (outcome != null && outcome.contactId() != null) matched++;
      } catch (StoreException e) {
        throw e; // the database is not the message's fault: stop here, the checkpoint stays before it
      } catch (RuntimeException e) {
        log.warn("skipped message UID {} in {}: it could not be processed ({})", uid, stateKey, e.toString());
        db.transaction(c -> {
          store.insertUnrelated(c, stateKey, uidValidity, List.of(Map.entry(uid, key)), clock.instant());
          return null;
        });
      }
      last = uid;
    }

    /** Records the unrelated messages seen so far and moves the checkpoint past them, in one transaction. */
    void flushUnrelated() {
      if (unrelated.isEmpty()) return;
      List<Map.Entry<Long, String>> batch = List.copyOf(unrelated);
      unrelated.clear();
      long upTo = last;
      db.transaction(c -> {
        store.insertUnrelated(c, stateKey, uidValidity, batch, clock.instant());
        if (!bySearch) store.saveState(c, stateKey, new FolderState(uidValidity, upTo, clock.instant()));
        return null;
      });
    }

    private void checkpoint(long uid) {
      last = uid;
      if (bySearch) return;
      db.transaction(c -> {
        store.saveState(c, stateKey, new FolderState(uidValidity, uid, clock.instant()));
        return null;
      });
    }

    /** At most bodyCap bytes of the whole message, with BODY.PEEK so \Seen is never set. */
    private byte[] download(IMAPMessage m, IncomingHeaders h) throws MessagingException {
      int cap = settings.bodyCap();
      try {
        BODY body = (BODY) folder.doCommand(p -> p.peekBody(m.getMessageNumber(), null, 0, cap));
        if (body == null || body.getByteArray() == null) return h.asHeaderBlock();
        return body.getByteArray().getNewBytes();
      } catch (MessagingException e) {
        if (isConnectionLoss(e)) throw e;
        log.warn("message UID {} in {}: the body could not be downloaded ({}); classifying its header alone", h.uid(), stateKey,
            e.getMessage());
        return h.asHeaderBlock();
      }
    }
  }

  private static IncomingHeaders headersOf(IMAPMessage m, long uid) throws MessagingException {
    List<dev.rapport.inbox.classify.MailHeaders.Field> fields = new ArrayList<>();
    for (String name : IncomingHeaders.FIELDS) {
      String[] values = m.getHeader(name);
      if (values == null) continue;
      for (String v : values) fields.add(new dev.rapport.inbox.classify.MailHeaders.Field(name, unfold(v)));
    }
    return new IncomingHeaders(uid, m.getSize(), new dev.rapport.inbox.classify.MailHeaders(fields));
  }

  private static String unfold(String v) {
    String s = v.replaceAll("\r?\n[ \t]", " ").replace('\r', ' ').replace('\n', ' ').strip();
    return s.length() > 64 * 1024 ? s.substring(0, 64 * 1024) : s;
  }

  /** The connection or the folder went away: not the message's fault; the caller reconnects. */
  static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FolderClosedException || t instanceof StoreClosedException || t instanceof ConnectionException
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  static boolean isOpen(Folder f) {
    return f != null && f.isOpen();
  }
}
