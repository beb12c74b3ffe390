package dev.rapport.doctor;

import dev.rapport.RapportException;
import dev.rapport.config.Config;
import dev.rapport.mail.SignInRequired;
import dev.rapport.oauth.OAuthServer;
import dev.rapport.oauth.SignInFile;
import dev.rapport.oauth.StoredSignIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * With {@code auth: oauth2}: is there a sign-in to use? Reads the sign-in file only (no network, no
 * token shown); the SMTP and IMAP checks then log in with it.
 */
public final class SignInCheck {
  private SignInCheck() {}

  public static List<Finding> run(Config config, Path dataFolder) {
    Optional<Config.Mail> mail = config.mail().filter(Config.Mail::usesOAuth2);
    if (mail.isEmpty()) return List.of();
    Config.OAuth2 o = mail.get().oauth2();
    String provider = OAuthServer.of(o).provider();
    if (o.tokenCommand() != null)
      return List.of(
          Finding.ok(
              "oauth2", "access tokens from a command (oauth2.token_command), " + o.mechanism()));
    SignInFile file = new SignInFile(dataFolder);
    Optional<StoredSignIn> s;
    try {
      s = file.read();
    } catch (RapportException e) {
      return List.of(Finding.fail("oauth2", e.getMessage(), "rapport login"));
    }
    if (s.isEmpty())
      return List.of(
          Finding.fail(
              "oauth2",
              "not signed in to " + provider + " yet",
              "rapport login (see docs/ACCOUNTS.md for the client id it needs)"));
    if (!s.get().usable())
      return List.of(
          Finding.fail(
              "oauth2",
              provider
                  + " no longer accepts rapport's sign-in ("
                  + (s.get().signedOut() == null ? "no refresh token" : s.get().signedOut())
                  + "): "
                  + SignInRequired.ADVICE,
              "rapport login"));
    return List.of(
        Finding.ok(
            "oauth2",
            "signed in to "
                + provider
                + " ("
                + o.mechanism()
                + "; refresh token in "
                + file.path().getFileName()
                + ", readable only by you)"));
  }
}
