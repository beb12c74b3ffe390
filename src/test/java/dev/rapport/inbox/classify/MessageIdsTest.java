package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
  @Test
  void readsIdsSeparatedBySpacesCommasOrNothing() {
    assertThat(MessageIds.parse("<a@x> <b@x>,<c@x> , <d@x><e@x>"))
        .containsExactly("<a@x>", "<b@x>", "<c@x>", "<d@x>", "<e@x>");
  }

  @Test
  void readsBareIdsAndDropsComments() {
    assertThat(MessageIds.parse("a@x, b@x (sent by Foo)")).containsExactly("<a@x>", "<b@x>");
  }

  @Test
  void threadListsInReplyToThenReferencesNewestFirst() {
    MailHeaders headers =
        new MailHeaders(
            List.of(
                new MailHeaders.Field("References", "<first@x>,<second@x>,\r\n <third@x>"),
                new MailHeaders.Field("In-Reply-To", "<third@x>")));
    assertThat(MessageIds.threadOf(headers))
        .containsExactly("<third@x>", "<second@x>", "<first@x>");
  }

  @Test
  void findsTheIdOfAQuotedCopyEvenWhenFolded() {
    MessageView view =
        TestMail.read(
            """
        From: MAILER-DAEMON@example.com
        Subject: failure notice

        Your message was not delivered.

        --- Below this line is a copy of the message.

        > To: bob@example.com
        > Message-ID:
        >  <outreach-9@example.org>
        """);
    assertThat(OriginalMessage.messageIds(view)).containsExactly("<outreach-9@example.org>");
    assertThat(OriginalMessage.recipients(view)).containsExactly("bob@example.com");
  }
}
