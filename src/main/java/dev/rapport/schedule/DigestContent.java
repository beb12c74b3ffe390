package dev.rapport.schedule;

/** The digest as composed; {@code worthSending} is false when it has nothing to tell. */
public record DigestContent(String subject, String body, boolean worthSending) {}
