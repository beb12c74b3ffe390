package dev.rapport.store;

/**
 * What a database holds, as a sanity line for the user: its schema version (the highest Flyway
 * migration applied) and how many contacts, drafts and timeline events.
 */
public record BackupSummary(String schemaVersion, long contacts, long drafts, long events) {
  /** "12 contacts, 3 drafts, 40 events". */
  public String counts() {
    return contacts + " contacts, " + drafts + " drafts, " + events + " events";
  }
}
