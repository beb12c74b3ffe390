package dev.rapport.oauth;

import dev.rapport.config.PasswordSource;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.PasswordResolver;
import java.util.Map;

/**
 * {@code oauth2.token_command}: an external helper (oama, mutt_oauth2.py, a keyring script) prints
 * a fresh access token; it is run for every login, so it decides when to refresh.
 */
public final class TokenCommand implements BearerToken {
  private final PasswordSource command;
  private final PasswordResolver resolver;
  private final String mechanism;

  public TokenCommand(String command, Map<String, String> env, String mechanism) {
    this.command = new PasswordSource(null, command);
    this.resolver = new PasswordResolver(env);
    this.mechanism = mechanism;
  }

  @Override
  public String get() {
    return resolver.resolve(command, "the OAuth2 access token (oauth2.token_command)");
  }

  @Override
  public String mechanism() {
    return mechanism;
  }

  @Override
  public void rejected() {
    // Nothing kept: the next login runs the command again.
  }
}
