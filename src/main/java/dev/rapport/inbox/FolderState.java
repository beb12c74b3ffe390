package dev.rapport.inbox;

import java.time.Instant;

/**
 * How far one folder has been read: every message up to {@code lastUid} under {@code uidValidity}
 * is processed.
 */
public record FolderState(long uidValidity, long lastUid, Instant scannedAt) {}
