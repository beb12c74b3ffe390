package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.oauth.SignInFile;
import dev.rapport.oauth.StoredSignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What login, doctor and sync say about the OAuth2 sign-in, without any server. */
class OAuthCommandsTest {
  @TempDir Path dir;

  Path config() throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Ada, email: ada@example.org}
        smtp: {host: 127.0.0.1, port: 1, security: none, username: ada@example.org, auth: oauth2}
        imap: {host: 127.0.0.1, port: 1, security: none, username: ada@example.org, auth: oauth2}
        oauth2:
          provider: microsoft
          client_id: 00000000-0000-0000-0000-000000000000
          token_url: http://127.0.0.1:1/token
        """);
    return file;
  }

  @Test
  void loginWithoutAnOauth2ServerSaysThereIsNothingToSignInTo() {
    var r = new CliRunner(dir.resolve("data")).run("login", "--no-browser");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("Nothing to sign in to").contains("auth: oauth2");
  }

  @Test
  void doctorSaysToSignInBeforeAnyLoginIsTried() throws Exception {
    var r = new CliRunner(dir.resolve("data"), config()).run("doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("oauth2         not signed in to Microsoft yet")
        .contains("fix: rapport login")
        .doesNotContain("smtp login")
        .doesNotContain("imap login");
  }

  @Test
  void aRevokedSignInStopsSyncAndDoctorWithOneClearMessage() throws Exception {
    Path data = dir.resolve("data");
    new SignInFile(data)
        .write(
            new StoredSignIn(
                null, null, null, "invalid_grant: consent revoked or expired", Instant.now()));
    var doctor = new CliRunner(data, config()).run("doctor");
    assertThat(doctor.out()).contains("sign in again: rapport login");
    var sync = new CliRunner(data, config()).run("sync");
    assertThat(sync.exitCode()).isEqualTo(1);
    assertThat(sync.err()).contains("sign in again: rapport login");
  }

  @Test
  void doctorNamesTheSignInWithoutItsTokens() throws Exception {
    Path data = dir.resolve("data");
    new SignInFile(data)
        .write(
            new StoredSignIn(
                "refresh-secret",
                "access-secret",
                Instant.now().plusSeconds(3600),
                null,
                Instant.now()));
    var r = new CliRunner(data, config()).run("doctor");
    assertThat(r.out())
        .contains("oauth2         signed in to Microsoft")
        .doesNotContain("refresh-secret")
        .doesNotContain("access-secret");
  }
}
