package dev.rapport.terminal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
