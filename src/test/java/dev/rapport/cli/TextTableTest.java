package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void aSpelledOutCharacterKeepsTheColumnsInLine() {
    java.io.StringWriter out = new java.io.StringWriter();
    new TextTable(40, "NAME", "EMAIL")
        .row("Bidi \u202Eredis", "b@example.org")
        .row("Ada", "ada@example.org")
        .print(new java.io.PrintWriter(out, true));
    String[] lines = out.toString().split("\n");
    assertThat(lines[1]).isEqualTo("Bidi <U+202E>redis  b@example.org");
    assertThat(lines[2].indexOf("ada@")).isEqualTo(lines[1].indexOf("b@"));
  }

  @Test
  void columnsAreAsWideAsTheirWidestCellAndLinesEndWithoutBlanks() {
    java.io.StringWriter out = new java.io.StringWriter();
    new TextTable(12, "ID", "NAME", "NOTE")
        .row(7, "Ada", "")
        .row(1234, "Bartholomew Long-Name", "x")
        .row(8, null, "last ")
        .print(new java.io.PrintWriter(out));
    String nl = System.lineSeparator();
    assertThat(out.toString())
        .isEqualTo(
            "ID    NAME          NOTE"
                + nl
                + "7     Ada"
                + nl
                + "1234  Bartholomew…  x"
                + nl
                + "8                   last"
                + nl);
  }

  @Test
  void cellsBecomeOneLineWithSingleSpaces() {
    for (String s :
        new String[] {
          "Ada Lovelace",
          "Ada  Lovelace",
          "Ada\tLovelace",
          "Ada\r\nLovelace",
          " Ada ",
          "A\u000bB",
          "",
          "Ada\u00a0L"
        }) {
      assertThat(TextTable.oneLine(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
    }
  }
}
