package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
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
