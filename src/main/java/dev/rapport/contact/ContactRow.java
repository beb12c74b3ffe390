package dev.rapport.contact;

/**
 * A contact as one line of {@code contacts list} shows it. Read on its own because a list of
 * thousands then reads seven columns of each row instead of twenty (docs/STARTUP.md).
 */
public record ContactRow(
    long id, String name, String email, String company, int tier, Stage stage, Channel channel) {}
