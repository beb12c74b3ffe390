package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {
  @Test
  void quotedLocalPartsAreFoundAndUnquotedWhenTheQuotesChangeNothing() {
    assertThat(Addresses.in("Final-Recipient: rfc822; \"Bo.Lind\"@Corp.test"))
        .containsExactly("bo.lind@corp.test");
    assertThat(Addresses.in("<\"bo lind\"@corp.test>: mailbox unavailable"))
        .containsExactly("\"bo lind\"@corp.test");
    assertThat(Addresses.in("\"Bo Lind\" <bo@corp.test>, ann@corp.test"))
        .containsExactly("bo@corp.test", "ann@corp.test");
  }
}
