package dev.rapport.draft;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.UnsentDrafts;
import java.sql.Connection;
import java.time.Clock;

/**
 * The drafts to a contact that have not left yet, following an edit of the contact: the draft
 * package stays the one that writes them ({@link DraftLifecycle}: an approved one goes back to
 * PENDING).
 */
public final class DraftsFollowContact implements UnsentDrafts {
  private final DraftLifecycle drafts;
  private final Clock clock;

  public DraftsFollowContact(ContactService contacts, Clock clock) {
    this.drafts = new DraftLifecycle(contacts);
    this.clock = clock;
  }

  @Override
  public int rename(Connection c, long contactId, String name) {
    return drafts.rename(c, contactId, name, clock.instant());
  }

  @Override
  public int readdress(Connection c, long contactId, String email) {
    return drafts.readdress(c, contactId, email, clock.instant());
  }
}
