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
          Map.of(
              "<sent-1@r.test>", new Correspondence.Sent(1, "bo@corp.test"),
              "<sent-2@r.test>", new Correspondence.Sent(2, "cy@corp.test"),
              "<sent-old@r.test>", new Correspondence.Sent(3, "old@corp.test")),
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
  void aBounceOfOurMessageToTheAddressItWentToIsActedOn() {
    Classification bounce =
        Classification.of(Kind.BOUNCE_HARD, "dsn")
            .withOriginalMessageIds(List.of("<other@x>", "<sent-2@r.test>"))
            .withRecipients(List.of("cy@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), bounce))
        .contains(new Correspondence.Match(2, "original-message-id"));
    Classification noRecipient =
        Classification.of(Kind.BOUNCE_HARD, "dsn")
            .withOriginalMessageIds(List.of("<sent-1@r.test>"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), noRecipient))
        .contains(new Correspondence.Match(1, "original-message-id"));
  }

  @Test
  void aBounceThatOnlyNamesAContactIsDoubtful() {
    Classification byRecipient =
        Classification.of(Kind.BOUNCE_HARD, "plain").withRecipients(List.of("NEW@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), byRecipient))
        .hasValueSatisfying(
            m -> {
              assertThat(m.contactId()).isEqualTo(3);
              assertThat(m.doubt()).contains("does not refer to anything rapport sent");
            });
  }

  @Test
  void aBounceOfOurMessageNamingAnotherAddressIsDoubtfulAndAboutWhoWeSentTo() {
    // Sent to Bo; the report says Cy's address failed. Cy is not bounced, Bo only in doubt.
    Classification bounce =
        Classification.of(Kind.BOUNCE_HARD, "dsn")
            .withOriginalMessageIds(List.of("<sent-1@r.test>"))
            .withRecipients(List.of("cy@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), bounce))
        .hasValueSatisfying(
            m -> {
              assertThat(m.contactId()).isEqualTo(1);
              assertThat(m.doubt()).contains("sent to bo@corp.test", "names cy@corp.test");
            });
  }

  @Test
  void aBounceOfAnAddressTheContactNoLongerHasIsDoubtful() {
    Classification bounce =
        Classification.of(Kind.BOUNCE_HARD, "dsn")
            .withOriginalMessageIds(List.of("<sent-old@r.test>"))
            .withRecipients(List.of("old@corp.test"));
    assertThat(known.match(h("From", "MAILER-DAEMON@mx.test"), bounce))
        .hasValueSatisfying(m -> assertThat(m.doubt()).contains("no longer the contact's address"));
  }

  @Test
  void aBounceAnsweringOurMessageInItsThreadHeadersCounts() {
    Classification bounce =
        Classification.of(Kind.BOUNCE_HARD, "plain").withRecipients(List.of("bo@corp.test"));
    assertThat(
            known.match(
                h("From", "MAILER-DAEMON@mx.test", "In-Reply-To", "<sent-1@r.test>"), bounce))
        .contains(new Correspondence.Match(1, "in-reply-to"));
  }

  @Test
  void aComplaintNamingAContactStillPausesThem() {
    Classification complaint =
        Classification.of(Kind.COMPLAINT, "arf").withRecipients(List.of("new@corp.test"));
    assertThat(known.match(h("From", "fbl@isp.test"), complaint))
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
