package dev.rapport.question;

/**
 * A question of the set: its stable {@code id}, which answers point at, and its {@code number}, the
 * place in the active set the user sees (1 to 10).
 */
public record Question(long id, int number, String text) {}
