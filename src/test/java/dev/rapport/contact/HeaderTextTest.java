package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderTextTest {
  @Test
  void keepsUnicodeAndTrims() {
    assertThat(HeaderText.require("  Zoë Ångström 李小龍 ")).isEqualTo("Zoë Ångström 李小龍");
  }

  @Test
  void refusesEveryControlCharacterNamingIt() {
    assertThatThrownBy(() -> HeaderText.require("a\rb")).hasMessageContaining("CR at position 2");
    assertThatThrownBy(() -> HeaderText.require("a\nb")).hasMessageContaining("LF");
    assertThatThrownBy(() -> HeaderText.require("a\u0000b")).hasMessageContaining("U+0000");
    assertThatThrownBy(() -> HeaderText.require("a\u0085b")).hasMessageContaining("U+0085");
    assertThatThrownBy(() -> HeaderText.require("a\u2028b")).hasMessageContaining("U+2028");
    assertThat(HeaderText.isSafe("tab\there")).isFalse();
  }
}
