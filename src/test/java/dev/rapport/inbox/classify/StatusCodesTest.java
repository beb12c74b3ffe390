package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCodesTest {
  @Test
  void findsEnhancedAndReplyCodesWhereMailSystemsWriteThem() {
    String text =
        """
        host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: User unknown
        <<< 452 4.2.2 Mailbox full
        #550 5.7.1 RESOLVER.RST.NotAuthorized
        ERROR_CODE :421, Host not reachable
        """;
    assertThat(StatusCodes.enhanced(text)).containsExactly("5.1.1", "4.2.2", "5.7.1");
    assertThat(StatusCodes.reply(text)).containsExactly("550", "452", "421");
  }

  @Test
  void ignoresNumbersInsideAddressesVersionsAndDates() {
    String text =
        """
        Received: from [10.5.1.1] by mx (Postfix 2.10.1) on 4.5.2012
        Size: 512 bytes, took 450 ms, port 465
        """;
    assertThat(StatusCodes.all(text)).isEmpty();
  }
}
