package dev.rapport.outbox;

import java.util.List;
import java.util.Locale;

/**
 * Where copies of sent mail go: {@code imap.sent} as configured. AUTO ({@code auto} or {@code
 * append}) finds the folder marked \Sent (RFC 6154), else one with a usual name; NONE ({@code
 * server} or {@code none}) never copies (the server files its own); NAMED uses that folder if it
 * exists; SANDBOX appends to "Sent" in the sandbox mailbox, creating it there.
 */
public record SentPolicy(Mode mode, String folder) {
  public enum Mode {
    AUTO,
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

  static SentPolicy fromConfig(String sent) {
    String s = sent == null ? "auto" : sent.strip();
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "auto", "append", "" -> new SentPolicy(Mode.AUTO, null);
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
}
