package dev.rapport.setup;

import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a Mozilla-style autoconfig document (config-v1.1.xml, as Thunderbird's ISPDB serves it):
 * the first IMAP and SMTP server with TLS, implicit TLS preferred. The document comes from the
 * network, so the parser refuses any DTD: no external entities, no entity expansion (XXE, "billion
 * laughs").
 */
final class AutoconfigXml {
  private AutoconfigXml() {}

  /** The document could not be read, or it holds no usable IMAP and SMTP server. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  static Found parse(byte[] xml, String address, String how) throws Unusable {
    Document doc = read(xml);
    Element root = doc.getDocumentElement();
    if (!"clientConfig".equals(root.getTagName()))
      throw new Unusable("not an autoconfig document (the root is <" + root.getTagName() + ">)");
    Element provider =
        first(root, "emailProvider")
            .orElseThrow(() -> new Unusable("the document has no <emailProvider>"));
    Candidate imap =
        pick(servers(provider, "incomingServer", "imap", address))
            .orElseThrow(() -> new Unusable("the document names no IMAP server with TLS"));
    Candidate smtp =
        pick(servers(provider, "outgoingServer", "smtp", address))
            .orElseThrow(() -> new Unusable("the document names no SMTP server with TLS"));
    return new Found(
        imap.server(),
        smtp.server(),
        imap.user(),
        smtp.user(),
        imap.oauth2Only() || smtp.oauth2Only(),
        how,
        ProviderTable.bySmtpHost(smtp.server().host(), address));
  }

  private record Candidate(Server server, String user, boolean oauth2Only) {}

  private static Document read(byte[] xml) throws Unusable {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are refused");
          });
      return b.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("DOCTYPE"))
        throw new Unusable(
            "the document declares a DTD, which is refused (entities from the"
                + " network could read this machine's files)");
      throw new Unusable("not well-formed XML (" + m + ")");
    } catch (IOException | ParserConfigurationException e) {
      throw new Unusable("could not be read (" + e.getMessage() + ")");
    }
  }

  private static List<Candidate> servers(
      Element provider, String tag, String type, String address) {
    List<Candidate> out = new ArrayList<>();
    NodeList nodes = provider.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element s = (Element) nodes.item(i);
      if (!type.equalsIgnoreCase(s.getAttribute("type"))) continue;
      Optional<String> host = text(s, "hostname").map(h -> fill(h, address));
      Optional<String> port = text(s, "port");
      Optional<Security> security = text(s, "socketType").flatMap(AutoconfigXml::security);
      if (host.isEmpty() || port.isEmpty() || security.isEmpty()) continue;
      if (security.get() == Security.NONE && !Endpoint.isLoopback(host.get())) continue;
      int p;
      try {
        p = Integer.parseInt(port.get().strip());
        Server server = new Server(host.get(), p, security.get());
        String user = text(s, "username").map(u -> fill(u, address)).orElse(address);
        out.add(new Candidate(server, user, oauth2Only(s)));
      } catch (IllegalArgumentException e) {
        // a port that is not a number, a blank host: skip this server
      }
    }
    return out;
  }

  /** Implicit TLS first (RFC 8314), then STARTTLS, then plaintext (loopback only). */
  private static Optional<Candidate> pick(List<Candidate> all) {
    for (Security s : List.of(Security.TLS, Security.STARTTLS, Security.NONE)) {
      for (Candidate c : all) if (c.server().security() == s) return Optional.of(c);
    }
    return Optional.empty();
  }

  private static boolean oauth2Only(Element server) {
    NodeList auth = server.getElementsByTagName("authentication");
    boolean oauth = false;
    boolean password = false;
    for (int i = 0; i < auth.getLength(); i++) {
      String a = auth.item(i).getTextContent().strip().toLowerCase(Locale.ROOT);
      if (a.equals("oauth2")) oauth = true;
      if (a.startsWith("password")) password = true;
    }
    return oauth && !password;
  }

  private static Optional<Security> security(String socketType) {
    return switch (socketType.strip().toUpperCase(Locale.ROOT)) {
      case "SSL", "TLS" -> Optional.of(Security.TLS);
      case "STARTTLS" -> Optional.of(Security.STARTTLS);
      case "PLAIN" -> Optional.of(Security.NONE);
      default -> Optional.empty();
    };
  }

  /** The placeholders autoconfig documents use for the user's address. */
  static String fill(String template, String address) {
    int at = address.indexOf('@');
    return template
        .strip()
        .replace("%EMAILADDRESS%", address)
        .replace("%EMAILLOCALPART%", address.substring(0, at))
        .replace("%EMAILDOMAIN%", address.substring(at + 1));
  }

  private static Optional<Element> first(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    return n.getLength() == 0 ? Optional.empty() : Optional.of((Element) n.item(0));
  }

  private static Optional<String> text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    for (int i = 0; i < n.getLength(); i++) {
      Node node = n.item(i);
      if (node.getParentNode() == parent) {
        String t = node.getTextContent();
        if (t != null && !t.isBlank()) return Optional.of(t.strip());
      }
    }
    return Optional.empty();
  }
}
