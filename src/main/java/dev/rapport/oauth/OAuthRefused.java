package dev.rapport.oauth;

import dev.rapport.mail.MailException;

/**
 * The authorization server answered with an OAuth2 error ({@code invalid_grant}, {@code
 * access_denied}, {@code authorization_pending}…). The message carries its code and description,
 * which hold no secret.
 */
public class OAuthRefused extends MailException {
  private final String code;

  public OAuthRefused(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
