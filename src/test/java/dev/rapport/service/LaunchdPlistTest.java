package dev.rapport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The launchd agent: well-formed XML whose keys launchd reads. */
class LaunchdPlistTest {
  @Test
  void aWellFormedPropertyListWithTheCommandAndRestartAfterFailure() throws Exception {
    String text =
        LaunchdPlist.text(
            UnitFileTest.spec(
                List.of(
                    "/Applications/rapport 1.0/bin/rapport", "--data", "/Users/sam/a&b<c>", "run")),
            "rapport 1.0 -- (commit abc)");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Element dict = (Element) doc.getDocumentElement().getElementsByTagName("dict").item(0);
    assertThat(value(dict, "Label").getTextContent()).isEqualTo("dev.rapport.daemon");
    List<String> args = new ArrayList<>();
    NodeList strings = ((Element) value(dict, "ProgramArguments")).getElementsByTagName("string");
    for (int i = 0; i < strings.getLength(); i++) args.add(strings.item(i).getTextContent());
    assertThat(args)
        .containsExactly(
            "/Applications/rapport 1.0/bin/rapport", "--data", "/Users/sam/a&b<c>", "run");
    assertThat(value(dict, "RunAtLoad").getNodeName()).isEqualTo("true");
    assertThat(text)
        .contains("<key>KeepAlive</key>\n  <dict>\n    <key>SuccessfulExit</key>\n    <false/>");
    assertThat(value(dict, "StandardOutPath").getTextContent())
        .isEqualTo("/home/sam/rapport/data/service.log");
    assertThat(value(dict, "WorkingDirectory").getTextContent()).isEqualTo("/home/sam/rapport");
  }

  /** The element after {@code <key>name</key>} in a plist dict. */
  private static Node value(Element dict, String key) {
    NodeList children = dict.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n instanceof Element e
          && e.getTagName().equals("key")
          && e.getTextContent().equals(key)) {
        Node next = n.getNextSibling();
        while (!(next instanceof Element)) next = next.getNextSibling();
        return next;
      }
    }
    throw new AssertionError("no key " + key);
  }
}
