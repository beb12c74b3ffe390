package dev.rapport.mail;

/**
 * Names Angus Mail's stream provider to Jakarta Mail. Unnamed, Jakarta Mail finds it with a
 * ServiceLoader at every encoding and decoding (jakartaee/mail-api#861), reading the service file
 * out of the jar again each time: for {@code sync}, several times per message. A class of its own,
 * with nothing to load, because {@code Main} calls it first thing in every command.
 */
public final class StreamProviderPin {
  /** The system property by which Jakarta Mail finds its stream provider before anything else. */
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";

  private StreamProviderPin() {}

  /** Names the provider, unless something already did. */
  public static void pin() {
    System.getProperties().putIfAbsent(PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
  }
}
