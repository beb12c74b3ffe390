package dev.rapport.outbox;

import java.util.List;
import java.util.Locale;

/**
 * Where copies of sent mail go: {@code imap.sent} as configured. APPEND finds the folder marked
 * \Sent (RFC 6154), else one with a usual name, and always copies there; AUTO finds it the same way
 * but, with a {@link SentHabit} to remember the answer in, first looks whether the server filed the
 * first message sent itself ({@link SentProbe}) and copies only if it did not; NONE ({@code server}
 * or {@code none}) never copies (the server files its own); NAMED uses that folder if it exists;
 * SANDBOX appends to "Sent" in the sandbox mailbox, creating it there.
 */
public record SentPolicy(Mode mode, String folder, SentHabit habit) {
  public enum Mode {
    AUTO,
    APPEND,
    NONE,
    NAMED,
    SANDBOX
  }

  /** Names tried, in order, when a server marks no folder \Sent. */
  public static final List<String> USUAL_NAMES =
      List.of(
          "Sent",
          "Sent Items",
          "Sent Messages",
          "Sent Mail",
          "[Gmail]/Sent Mail",
          "[Google Mail]/Sent Mail",
          "INBOX.Sent",
          "INBOX/Sent",
          "Gesendet",
          "Gesendete Elemente",
          "Gesendete Objekte",
          "[Gmail]/Gesendet",
          "Envoyés",
          "Éléments envoyés",
          "Enviados",
          "Elementos enviados",
          "Posta inviata",
          "Verzonden items");

  public SentPolicy(Mode mode, String folder) {
    this(mode, folder, null);
  }

  /** {@code sent: auto} without a place to remember the answer copies like {@code append}. */
  static SentPolicy fromConfig(String sent) {
    return fromConfig(sent, null);
  }

  static SentPolicy fromConfig(String sent, SentHabit habit) {
    String s = sent == null ? "auto" : sent.strip();
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "auto", "" -> new SentPolicy(Mode.AUTO, null, habit);
      case "append" -> new SentPolicy(Mode.APPEND, null);
      // Gmail and Microsoft file mail sent over SMTP in Sent themselves: a copy would be a second.
      case "none", "server" -> new SentPolicy(Mode.NONE, null);
      default -> new SentPolicy(Mode.NAMED, s);
    };
  }

  static SentPolicy sandbox() {
    return new SentPolicy(Mode.SANDBOX, "Sent");
  }

  boolean copies() {
    return mode != Mode.NONE;
  }

  /** True when the first send looks whether the server filed its own copy. */
  boolean probes() {
    return mode == Mode.AUTO && habit != null;
  }
}
