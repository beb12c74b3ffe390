package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {
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
