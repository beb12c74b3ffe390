package dev.rapport.contact;

import java.sql.Connection;

/**
 * A contact's drafts that have not left yet, which follow an edit of their name or address. The
 * draft package keeps them; the contact side only asks, inside its own transaction.
 */
public interface UnsentDrafts {
  /** Gives them the contact's new name for the To header; returns how many changed. */
  int rename(Connection c, long contactId, String name);

  /** Sends them to the contact's new address; returns how many changed. */
  int readdress(Connection c, long contactId, String email);
}
