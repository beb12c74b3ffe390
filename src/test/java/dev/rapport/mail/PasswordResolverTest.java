package dev.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.PasswordSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordResolverTest {
  @Test
  void readsAnEnvironmentVariable() {
    var resolver = new PasswordResolver(Map.of("PW", "s3cret"));
    assertThat(resolver.resolve(new PasswordSource("PW", null), "the SMTP password"))
        .isEqualTo("s3cret");
  }

  @Test
  void namesAMissingVariable() {
    var resolver = new PasswordResolver(Map.of());
    assertThatThrownBy(() -> resolver.resolve(new PasswordSource("PW", null), "the SMTP password"))
        .isInstanceOf(MailException.class)
        .hasMessage(
            "The environment variable PW, which should hold the SMTP password, is not set.");
  }

  @Test
  void takesTheFirstLineACommandPrints() {
    var resolver = new PasswordResolver(Map.of());
    assertThat(resolver.resolve(new PasswordSource(null, "printf 'hunter2\\nsecond line\\n'"), "x"))
        .isEqualTo("hunter2");
  }

  @Test
  void aFailingCommandIsReportedWithoutWhatItPrinted() {
    var resolver = new PasswordResolver(Map.of());
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    new PasswordSource(null, "echo leaked-secret; exit 3"), "the IMAP password"))
        .isInstanceOf(MailException.class)
        .hasMessageContaining("exit status 3")
        .hasMessageNotContaining("leaked-secret");
  }

  @Test
  void aCommandThatPrintsNothingIsRefused() {
    var resolver = new PasswordResolver(Map.of());
    assertThatThrownBy(() -> resolver.resolve(new PasswordSource(null, "true"), "x"))
        .hasMessageContaining("printed nothing");
  }
}
