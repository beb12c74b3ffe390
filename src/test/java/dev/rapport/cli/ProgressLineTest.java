package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void rendersCountsWithSeparatorsAndAProportionalBar() {
    assertThat(ProgressLine.render(2_400, 5_000, 10))
        .isEqualTo("Importing 2,400/5,000 [####......]");
    assertThat(ProgressLine.render(5_000, 5_000, 10))
        .isEqualTo("Importing 5,000/5,000 [##########]");
  }

  @Test
  void redrawsInPlaceOnlyWhenTheBarMovesAndClearsItselfAtTheEnd() {
    StringWriter err = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(err));
    for (int i = 1; i <= 3_000; i++) line.advanced(i, 3_000);
    line.finished();
    String written = err.toString();
    assertThat(written.chars().filter(c -> c == '\r').count())
        .as("a draw for each of the 31 bar lengths, 0 to 30, and two to clear")
        .isEqualTo(33);
    assertThat(written).contains("\rImporting 1,500/3,000 [###############...............]");
    assertThat(written).endsWith("\r" + " ".repeat("Importing 3,000/3,000 [".length() + 31) + "\r");
  }

  @Test
  void staysQuietOnShortImports() {
    StringWriter err = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(err));
    for (int i = 1; i < ProgressLine.MIN_ROWS; i++) line.advanced(i, ProgressLine.MIN_ROWS - 1);
    line.finished();
    assertThat(err.toString()).isEmpty();
  }
}
