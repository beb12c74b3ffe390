package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada@example.org",
        "first.last+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "x@a-b.example"
      })
  void acceptsRealAddresses(String address) {
    assertThat(EmailAddresses.normalize(" " + address + " ")).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.org",
        "ada@",
        "ada@@example.org",
        "ada@example",
        "ada@localhost",
        "ada..b@example.org",
        ".ada@example.org",
        "ada.@example.org",
        "Ada <ada@example.org>",
        "ada@exa_mple.org",
        "ada@-example.org",
        "ada example@example.org",
        "ada@example.123",
        "a\"b@example.org",
        "ada@example.org\r\nBcc: x@y.org"
      })
  void refusesWhatAMailServerWouldNot(String address) {
    assertThatThrownBy(() -> EmailAddresses.normalize(address))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saysWhyAnAddressIsRefused() {
    assertThatThrownBy(() -> EmailAddresses.normalize("ada@example"))
        .hasMessage(
            "\"ada@example\" is not a valid email address: the domain needs a dot, as in example.org");
    assertThatThrownBy(() -> EmailAddresses.normalize(" "))
        .hasMessage("an email address is required");
  }

  @Test
  void theKeyIgnoresCase() {
    assertThat(EmailAddresses.key("Ada@Example.ORG"))
        .isEqualTo(EmailAddresses.key("ada@example.org"));
  }
}
