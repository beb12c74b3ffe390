package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.classify.Classification;
import dev.rapport.inbox.classify.Kind;
import dev.rapport.inbox.classify.MailHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrespondenceTest {
  final Correspondence known =
      new Correspondence(
          Map.of("<sent-1@r.test>", 1L, "<sent-2@r.test>", 2L),
          Map.of("bo@corp.test", 1L),
          Map.of("bo@corp.test", 1L, "cy@corp.test", 2L, "new@corp.test", 3L),
          Set.of("Ada@Example.org"));

  private static IncomingHeaders h(String... nameValue) {
    List<MailHeaders.Field> fields = new java.util.ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2)
      fields.add(new MailHeaders.Field(nameValue[i], nameValue[i + 1]));
    return new IncomingHeaders(1, 100, new MailHeaders(fields));
  }

  @Test
  void theThreadComesBeforeTheSender() {
    // Bo's address, but answering the message sent to Cy: it is about Cy.
    var m =
        known.match(
            h("From", "bo@corp.test", "In-Reply-To", "<sent-2@r.test>"),
            Classification.of(Kind.HUMAN_REPLY, "human"));
    assertThat(m).contains(new Correspondence.Match(2, "in-reply-to"));
  }

  @Test
  void bouncesAreMatchedByTheOriginalMessageIdThenTheFailedRecipient() {
    Classification bounce =
        Classification.of(Kind.BOUNCE_HARD, "dsn")
            .withOriginalMessageIds(List.of("<other@x>", "<sent-2@r.test>"))
            .withRecipients(List.of("bo@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), bounce))
        .contains(new Correspondence.Match(2, "original-message-id"));
    Classification byRecipient =
        Classification.of(Kind.BOUNCE_HARD, "dsn").withRecipients(List.of("NEW@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), byRecipient))
        .contains(new Correspondence.Match(3, "failed-recipient"));
  }

  @Test
  void theSenderCountsOnlyForContactsInAConversation() {
    assertThat(known.match(h("From", "bo@corp.test"), Classification.of(Kind.HUMAN_REPLY, "human")))
        .isPresent();
    assertThat(
            known.match(h("From", "new@corp.test"), Classification.of(Kind.HUMAN_REPLY, "human")))
        .isEmpty();
  }

  @Test
  void ourOwnMessagesAreNeverReplies() {
    assertThat(known.isOwn(h("From", "ada@example.org", "In-Reply-To", "<sent-1@r.test>")))
        .isTrue();
    assertThat(known.isOwn(h("From", "alias@elsewhere.test", "Message-ID", "<sent-1@r.test>")))
        .isTrue();
    assertThat(
            known.mayConcernAContact(
                h("From", "ada@example.org", "In-Reply-To", "<sent-1@r.test>")))
        .isFalse();
  }

  @Test
  void onlyMailThatMayConcernAContactIsDownloaded() {
    assertThat(known.mayConcernAContact(h("From", "x@y.test", "References", "<sent-1@r.test>")))
        .isTrue();
    assertThat(known.mayConcernAContact(h("From", "Bo <bo@corp.test>"))).isTrue();
    assertThat(known.mayConcernAContact(h("From", "postmaster@mx.test"))).isTrue();
    assertThat(known.mayConcernAContact(h("From", "news@shop.test", "Subject", "Sale"))).isFalse();
    assertThat(known.mayConcernAContact(h("From", "cy@corp.test")))
        .as("Cy is not in a conversation")
        .isFalse();
  }
}
