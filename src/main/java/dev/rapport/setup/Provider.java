package dev.rapport.setup;

import java.util.Optional;

/**
 * A mail provider rapport knows by heart: its servers, how its users sign in, whether it files mail
 * sent over SMTP in Sent itself, and its daily sending limit.
 *
 * @param name shown to the user ("Gmail")
 * @param signIn how mail clients sign in there
 * @param oauth2 the {@code oauth2.provider} value when sign-in is OAuth2 ("google", "microsoft")
 * @param imapLocalPart the IMAP user name is the part of the address before the @
 * @param serverFilesSent true when the provider puts a copy of mail sent over SMTP in Sent itself,
 *     so rapport must not append a second one; false when it does not; null when unknown ({@code
 *     sent: auto} finds out after the first send)
 * @param maxPerDay the provider's own ceiling of messages a day, when it publishes one
 * @param advice what the user must know before signing in (app passwords, a bridge to start)
 */
public record Provider(
    String name,
    Server imap,
    Server smtp,
    SignIn signIn,
    String oauth2,
    boolean imapLocalPart,
    Boolean serverFilesSent,
    Integer maxPerDay,
    String advice) {

  /** How a mail client signs in. */
  public enum SignIn {
    /** The account's own password. */
    PASSWORD,
    /** An app password made in the account's security settings; the account password is refused. */
    APP_PASSWORD,
    /** OAuth2 (the account password is refused), or an app password where the account allows it. */
    OAUTH2_OR_APP_PASSWORD,
    /** OAuth2 only: the provider refuses passwords for mail clients. */
    OAUTH2
  }

  public Optional<Integer> dailyLimit() {
    return Optional.ofNullable(maxPerDay);
  }
}
