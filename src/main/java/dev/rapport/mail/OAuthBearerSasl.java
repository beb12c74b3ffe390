package dev.rapport.mail;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;

/**
 * The SASL OAUTHBEARER mechanism (RFC 7628), which Angus Mail lacks: its SASL support finds it
 * through a security provider, as it finds its own XOAUTH2. The user name and the access token come
 * from Angus Mail's callbacks (the token is the "password" given to connect).
 */
public final class OAuthBearerSasl implements SaslClientFactory {
  public static final String MECHANISM = "OAUTHBEARER";
  private static final String PROVIDER = "rapport-oauthbearer";

  /** Registers the mechanism once per JVM; later calls do nothing. */
  public static synchronized void install() {
    if (Security.getProvider(PROVIDER) == null) Security.addProvider(new BearerProvider());
  }

  @Override
  public SaslClient createSaslClient(
      String[] mechanisms,
      String authorizationId,
      String protocol,
      String serverName,
      Map<String, ?> props,
      CallbackHandler cbh)
      throws SaslException {
    for (String m : mechanisms) {
      if (MECHANISM.equalsIgnoreCase(m)) return new Client(cbh);
    }
    return null;
  }

  @Override
  public String[] getMechanismNames(Map<String, ?> props) {
    return new String[] {MECHANISM};
  }

  private static final class BearerProvider extends Provider {
    private static final long serialVersionUID = 1L;

    BearerProvider() {
      super(PROVIDER, "1.0", "SASL OAUTHBEARER client (RFC 7628) for rapport");
      put("SaslClientFactory." + MECHANISM, OAuthBearerSasl.class.getName());
    }
  }

  private static final class Client implements SaslClient {
    private final CallbackHandler callbacks;
    private boolean sent;
    private boolean complete;

    Client(CallbackHandler callbacks) {
      this.callbacks = callbacks;
    }

    @Override
    public String getMechanismName() {
      return MECHANISM;
    }

    @Override
    public boolean hasInitialResponse() {
      return true;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
      if (sent) {
        // The server's error (a JSON document): RFC 7628 3.2.3, answer with a lone ^A.
        complete = true;
        return new byte[] {1};
      }
      NameCallback name = new NameCallback("user");
      PasswordCallback token = new PasswordCallback("token", false);
      try {
        callbacks.handle(new Callback[] {name, token});
      } catch (Exception e) {
        throw new SaslException("OAUTHBEARER: no user name or access token", e);
      }
      char[] t = token.getPassword();
      if (t == null || name.getName() == null)
        throw new SaslException("OAUTHBEARER: no user name or access token");
      String user = name.getName().replace("=", "=3D").replace(",", "=2C");
      String response = "n,a=" + user + ",\u0001auth=Bearer " + new String(t) + "\u0001\u0001";
      token.clearPassword();
      sent = true;
      return response.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isComplete() {
      // Not after the first response: a failure's challenge must still reach evaluateChallenge.
      return complete;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) {
      throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) {
      throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
      return null;
    }

    @Override
    public void dispose() {}
  }
}
