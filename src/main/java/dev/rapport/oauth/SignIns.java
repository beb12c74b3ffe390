package dev.rapport.oauth;

import dev.rapport.config.Config;
import dev.rapport.mail.BearerToken;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The access token source an {@code oauth2:} section asks for. */
public final class SignIns {
  private SignIns() {}

  public static BearerToken bearer(
      Config.OAuth2 config, Path dataFolder, Map<String, String> env, Clock clock) {
    if (config.tokenCommand() != null)
      return new TokenCommand(config.tokenCommand(), env, config.mechanism());
    return new AccessTokens(
        new TokenClient(OAuthServer.of(config), config, env),
        new SignInFile(dataFolder),
        clock,
        config.mechanism());
  }
}
