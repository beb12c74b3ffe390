package dev.rapport.inbox;

import java.time.Instant;

/**
 * The inbox watcher's state as the dashboard shows it; {@code lastSync} and {@code mode} are null
 * before the first read and connection, {@code lastError} is null while all is well.
 */
public record InboxHealth(Instant lastSync, String mode, String lastError, boolean caughtUp) {}
