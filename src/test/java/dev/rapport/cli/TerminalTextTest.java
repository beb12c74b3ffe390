package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @Test
  void steeringCharactersAreSpelledOut() {
    assertThat(TerminalText.shown("a\u001b]0;t\u0007b\u001b[2J\u009b2J\u202eR\u200bZ\u2069\ufeff"))
        .isEqualTo("a<U+001B>]0;t<U+0007>b<U+001B>[2J<U+009B>2J<U+202E>R<U+200B>Z<U+2069><U+FEFF>");
    assertThat(TerminalText.shown("over\rwrite\b\u007f"))
        .isEqualTo("over<U+000D>write<U+0008><U+007F>");
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String text = "Zoë Ng — 東京\tline\r\nnext\n👋 \u00a0é";
    assertThat(TerminalText.shown(text)).isSameAs(text);
  }

  @Test
  void theWriterSpellsOutWhatIsPrintedAndKeepsLineEnds() {
    StringWriter s = new StringWriter();
    PrintWriter w = new TerminalWriter(new PrintWriter(s));
    w.printf("%s <%s>%n", "Eve\u001b[2J", "e@x");
    w.print('\u009b');
    w.write(new char[] {'a', '\u202e', 'b'}, 0, 3);
    w.println();
    w.flush();
    assertThat(s.toString())
        .isEqualTo(
            "Eve<U+001B>[2J <e@x>"
                + System.lineSeparator()
                + "<U+009B>a<U+202E>b"
                + System.lineSeparator());
  }

  @Test
  void jsonEscapesTheSameCharactersAndReadsBackAsStored() throws Exception {
    String stored = "Eve\u001b]0;t\u0007\u009b2J\u202e\u200b\u2066\ufeff\u007f\t\n";
    String json = Json.write(Map.of("name", stored));
    assertThat(json)
        .contains("\\u001B]0;t\\u0007")
        .contains("\\u009B2J\\u202E\\u200B\\u2066\\uFEFF")
        .doesNotContain("\u001b", "\u009b", "\u202e", "\u007f");
    assertThat(new ObjectMapper().readTree(json).get("name").asText()).isEqualTo(stored);
  }
}
