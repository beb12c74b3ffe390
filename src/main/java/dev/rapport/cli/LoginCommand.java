package dev.rapport.cli;

import dev.rapport.config.Config;
import dev.rapport.mail.MailException;
import dev.rapport.oauth.Login;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code login}: OAuth2 sign-in for the servers configured with {@code auth: oauth2}. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description =
        "Sign in to your mail provider with OAuth2 (for smtp/imap auth: oauth2) and save the sign-in in the data folder, readable only by you. Opens your browser; the provider sends it back to rapport on 127.0.0.1.")
final class LoginCommand extends AppCommand {
  @Option(
      names = "--no-browser",
      description =
          "Print one line 'Open <URL>' instead of opening a browser, and wait (5 minutes at most).")
  boolean noBrowser;

  @Option(
      names = "--device",
      description = "Sign in with a code entered on any device (where the provider allows it).")
  boolean device;

  @Override
  public Integer call() {
    Config.Mail mail =
        app()
            .config()
            .mail()
            .filter(Config.Mail::usesOAuth2)
            .orElseThrow(
                () ->
                    new MailException(
                        "Nothing to sign in to: no server in "
                            + app().config().source().map(Object::toString).orElse("the config")
                            + " has auth: oauth2 (see docs/ACCOUNTS.md)."));
    Login login = new Login(mail.oauth2(), app().data().path(), app().env(), app().clock(), out());
    Login.Result r = device ? login.onAnotherDevice() : login.inBrowser(!noBrowser);
    out()
        .println(
            "Signed in to "
                + r.provider()
                + "; the sign-in is saved in "
                + r.file()
                + " (readable only by you). Access token valid until "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(r.accessTokenExpires().atZone(ZoneId.systemDefault()))
                + "; rapport renews it by itself.");
    return 0;
  }
}
