package dev.rapport.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a custom provider's endpoints from its issuer alone: the OpenID Connect discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), else the OAuth 2.0 authorization server
 * metadata of RFC 8414 ({@code /.well-known/oauth-authorization-server<issuer path>}). A document
 * naming another issuer is refused (RFC 8414 3.3: it could send the sign-in elsewhere), and so is
 * an endpoint on http:// anywhere but this machine. Every request has {@link TokenClient#TIMEOUT}.
 */
final class IssuerDiscovery {
  private IssuerDiscovery() {}

  static OAuthServer complete(OAuthServer server) {
    URI issuer = server.issuer();
    List<String> failures = new ArrayList<>();
    for (URI document : documents(issuer)) {
      try {
        AuthorizationServerMetadata m = read(document, issuer);
        OAuthServer found = server.discovered(m);
        check(found.authorize(), "authorization_endpoint", document);
        check(found.token(), "token_endpoint", document);
        if (found.device() != null)
          check(found.device(), "device_authorization_endpoint", document);
        return found;
      } catch (Unusable e) {
        failures.add(document + ": " + e.getMessage());
      }
    }
    throw new MailException(
        "Could not find the sign-in endpoints of "
            + issuer
            + " ("
            + String.join("; ", failures)
            + "). Check oauth2.issuer, or set oauth2.authorize_url and oauth2.token_url.");
  }

  /** OpenID discovery appends to the issuer; RFC 8414 inserts before the issuer's path. */
  static List<URI> documents(URI issuer) {
    String base = issuer.toString().replaceAll("/+$", "");
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceAll("/+$", "");
    String origin = base.substring(0, base.length() - path.length());
    return List.of(
        URI.create(base + "/.well-known/openid-configuration"),
        URI.create(origin + "/.well-known/oauth-authorization-server" + path));
  }

  private static AuthorizationServerMetadata read(URI document, URI issuer) throws Unusable {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, document);
    request.setAccept("application/json");
    request.setConnectTimeout((int) TokenClient.TIMEOUT.toMillis());
    request.setReadTimeout((int) TokenClient.TIMEOUT.toMillis());
    HTTPResponse response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw new Unusable("not reachable (" + e.getMessage() + ")");
    }
    if (response.getStatusCode() != 200) throw new Unusable("HTTP " + response.getStatusCode());
    AuthorizationServerMetadata m;
    try {
      m = AuthorizationServerMetadata.parse(response.getBody());
    } catch (ParseException e) {
      throw new Unusable("not a metadata document (" + e.getMessage() + ")");
    }
    if (!same(m.getIssuer().getValue(), issuer.toString())) {
      throw new Unusable("it names another issuer, " + m.getIssuer().getValue() + "; refused");
    }
    return m;
  }

  private static void check(URI endpoint, String name, URI document) throws Unusable {
    if (endpoint == null) throw new Unusable("no " + name);
    String scheme = String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT);
    boolean ok =
        scheme.equals("https")
            || (scheme.equals("http")
                && endpoint.getHost() != null
                && Endpoint.isLoopback(endpoint.getHost()));
    if (!ok) throw new Unusable(name + " " + endpoint + " is not https:// (refused)");
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
  }

  /** One document that cannot be used, and why. */
  private static final class Unusable extends Exception {
    Unusable(String why) {
      super(why, null, false, false);
    }
  }
}
