package dev.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import org.junit.jupiter.api.Test;

class OAuthBearerSaslTest {
  @Test
  void theInitialResponseFollowsRfc7628AndAFailureIsAnsweredWithOneControlA() throws Exception {
    OAuthBearerSasl.install();
    SaslClient c =
        Sasl.createSaslClient(
            new String[] {"OAUTHBEARER"},
            null,
            "imap",
            "imap.example.org",
            Map.of(),
            callbacks -> {
              for (var cb : callbacks) {
                if (cb instanceof NameCallback n) n.setName("ada@example.org");
                if (cb instanceof PasswordCallback p) p.setPassword("tok".toCharArray());
              }
            });
    assertThat(c).isNotNull();
    assertThat(c.hasInitialResponse()).isTrue();
    assertThat(new String(c.evaluateChallenge(new byte[0]), StandardCharsets.UTF_8))
        .isEqualTo("n,a=ada@example.org,\u0001auth=Bearer tok\u0001\u0001");
    assertThat(c.evaluateChallenge("{\"status\":\"invalid_token\"}".getBytes())).containsExactly(1);
    assertThat(c.isComplete()).isTrue();
  }
}
