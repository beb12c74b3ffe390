package dev.rapport.mail;

import java.util.function.Supplier;

/**
 * An OAuth2 access token standing in for a password: {@link #get()} returns a token that is fresh
 * now (fetching or refreshing one when needed). A server that refuses it gets one more try with a
 * fresh token ({@link MailLogin}); never more, so a revoked sign-in cannot cause a retry storm.
 */
public interface BearerToken extends Supplier<String> {
  /** The SASL mechanism that carries the token: {@code XOAUTH2} or {@code OAUTHBEARER}. */
  String mechanism();

  /** The server refused the token {@link #get()} last returned: the next get fetches a new one. */
  void rejected();
}
