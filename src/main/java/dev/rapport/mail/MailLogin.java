package dev.rapport.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;

/**
 * Connects a store or transport to an endpoint. With an OAuth2 token, a refused login is tried once
 * more with a fresh token: a server may revoke a token before the expiry it was issued with.
 */
public final class MailLogin {
  private MailLogin() {}

  public static void connect(Service service, Endpoint e) throws MessagingException {
    try {
      service.connect(e.host(), e.port(), e.username(), e.password().get());
    } catch (AuthenticationFailedException refused) {
      if (!(e.password() instanceof BearerToken token)) throw refused;
      token.rejected();
      service.connect(e.host(), e.port(), e.username(), token.get());
    }
  }
}
