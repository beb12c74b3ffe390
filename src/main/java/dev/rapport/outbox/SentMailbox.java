package dev.rapport.outbox;

import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's Sent folder over IMAP: appending a copy of what was sent (the only write to the user's
 * mailbox rapport ever makes) and looking for a Message-ID there after a crash. One connection,
 * opened on first use, kept for a batch.
 */
final class SentMailbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SentMailbox.class);

  /** What became of the copy of one sent message. */
  enum Copy {
    COPIED,
    OFF,
    NO_FOLDER,
    FAILED
  }

  private final Endpoint endpoint;
  private final SentPolicy policy;
  private final SentProbe probe;
  private Store store;
  private Folder folder;
  private boolean looked;

  SentMailbox(Endpoint endpoint, SentPolicy policy) {
    this(endpoint, policy, SentProbe.WAIT);
  }

  /** {@code probeWait}: how long {@code sent: auto} waits for the server's own copy. */
  SentMailbox(Endpoint endpoint, SentPolicy policy, Duration probeWait) {
    this.endpoint = endpoint;
    this.policy = policy;
    this.probe = policy.probes() ? new SentProbe(policy.habit(), probeWait) : null;
  }

  /**
   * Appends a copy, marked \Seen, unless the policy says not to, the server has filed its own
   * ({@code sent: auto}), or there is no folder.
   */
  Copy append(MimeMessage message) {
    if (!policy.copies()) return Copy.OFF;
    try {
      if (probe != null
          && folder(false).isPresent()
          && !probe.rapportAppends(this::contains, message.getMessageID())) return Copy.OFF;
      Optional<Folder> f = folder(true);
      if (f.isEmpty()) return Copy.NO_FOLDER;
      message.setFlag(Flags.Flag.SEEN, true);
      f.get().appendMessages(new Message[] {message});
      return Copy.COPIED;
    } catch (MessagingException | RuntimeException e) {
      log.warn("could not put a copy into the Sent folder: {}", e.getMessage());
      closeQuietly();
      return Copy.FAILED;
    }
  }

  /**
   * Opens the connection ahead of the first copy, so a pass's first sends do not wait for it; a
   * failure here decides nothing (the first {@link #append} tries again and reports it).
   */
  void connectAhead() {
    if (!policy.copies()) return;
    try {
      store();
    } catch (MessagingException | RuntimeException e) {
      log.debug("the Sent folder's server could not be reached yet: {}", e.getMessage());
      closeQuietly();
    }
  }

  /**
   * True if the Sent folder holds a message with this Message-ID. Looks even with {@code sent:
   * none}: a server that files sent mail itself puts its copy there. Throws when it cannot look.
   */
  boolean contains(String messageId) throws MessagingException {
    Optional<Folder> f = folder(false);
    if (f.isEmpty()) return false;
    Folder sent = f.get();
    sent.open(Folder.READ_ONLY);
    try {
      Message[] found = sent.search(new HeaderTerm("Message-ID", messageId));
      for (Message m : found) {
        String[] ids = m.getHeader("Message-ID");
        if (ids != null && Arrays.stream(ids).anyMatch(id -> id.strip().equals(messageId)))
          return true;
      }
      return false;
    } finally {
      sent.close(false);
    }
  }

  /**
   * Finds the folder once per connection; in the sandbox creates "Sent" when appending needs it.
   */
  private Optional<Folder> folder(boolean forAppend) throws MessagingException {
    if (looked && folder != null) return Optional.of(folder);
    if (looked && !(forAppend && policy.mode() == SentPolicy.Mode.SANDBOX)) return Optional.empty();
    Store s = store();
    folder = find(s);
    looked = true;
    if (folder == null && forAppend && policy.mode() == SentPolicy.Mode.SANDBOX) {
      Folder created = s.getFolder(policy.folder());
      if (!created.exists()) created.create(Folder.HOLDS_MESSAGES);
      folder = created;
    }
    if (folder == null && forAppend) {
      log.warn(
          "no Sent folder found on {} (imap.sent: {}); sent mail is not copied",
          endpoint.host(),
          policy.mode() == SentPolicy.Mode.NAMED
              ? policy.folder()
              : policy.mode().name().toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.ofNullable(folder);
  }

  private Folder find(Store s) throws MessagingException {
    switch (policy.mode()) {
      case NAMED, SANDBOX -> {
        Folder f = s.getFolder(policy.folder());
        return f.exists() ? f : null;
      }
      default -> {
        Folder[] all = s.getDefaultFolder().list("*");
        for (Folder f : all) {
          if (f instanceof IMAPFolder imap
              && Arrays.asList(imap.getAttributes()).contains("\\Sent")) return f;
        }
        for (String name : SentPolicy.USUAL_NAMES) {
          for (Folder f : all) {
            if (f.getFullName().equalsIgnoreCase(name)) return f;
          }
        }
        return null;
      }
    }
  }

  private Store store() throws MessagingException {
    if (store != null && store.isConnected()) return store;
    closeQuietly();
    Store s = MailSessions.imap(endpoint).getStore(MailSessions.imapProtocol(endpoint));
    MailLogin.connect(s, endpoint);
    store = s;
    looked = false;
    folder = null;
    return s;
  }

  private void closeQuietly() {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        // gone either way
      }
    }
    store = null;
    folder = null;
    looked = false;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
