package dev.rapport.mail;

/**
 * The OAuth2 sign-in cannot give an access token until the user signs in again: never signed in, or
 * the provider answered invalid_grant (consent revoked or expired). Reading and sending stop with
 * this one message; nothing retries it until {@code rapport login} has saved a new sign-in.
 */
public class SignInRequired extends MailException {
  public static final String ADVICE = "sign in again: rapport login";

  public SignInRequired(String message) {
    super(message);
  }
}
