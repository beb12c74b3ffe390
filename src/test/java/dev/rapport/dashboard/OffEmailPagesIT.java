package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.NewContact;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note for someone without an email address on the review page (the text to copy, "Mark as sent"
 * instead of Approve), and "Record a reply" on the contact page, over HTTP.
 */
class OffEmailPagesIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;
  long wei;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    wei =
        f.app
            .contacts()
            .add(
                new NewContact("Wei Li", null, "Dragon Films", null, 3, null, null, null, null)
                    .withChannel(null, "https://www.linkedin.com/in/wei-li", null, null))
            .id();
    client = new DashboardClient(f);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theReviewPageOffersTheTextAndMarkAsSentNotApprove() throws Exception {
    long draft = f.outreach(wei);
    String page = client.get("/").body();
    assertThat(page)
        .contains("A note for LinkedIn: rapport does not send it.")
        .contains("<pre class=\"hand-note\" id=\"note-text-" + draft + "\">Hi Wei, I&#39;m Sam")
        .contains("action=\"/drafts/" + draft + "/mark-sent\"")
        .doesNotContain("action=\"/drafts/" + draft + "/approve\"");

    HttpResponse<String> r = client.post("/drafts/" + draft + "/mark-sent", Map.of());

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.SENT);
    assertThat(f.app.contacts().get(wei).stage()).isEqualTo(Stage.CONTACTED);
    assertThat(f.app.contacts().show(wei).events().toString())
        .contains("sent by hand on LinkedIn, marked sent on the dashboard");
  }

  @Test
  void recordAReplyMovesTheContactAsAMailReply() throws Exception {
    f.app.drafts().outreach(wei, false);
    client.post("/drafts/1/mark-sent", Map.of());
    assertThat(client.get("/contacts/" + wei).body()).contains("Record a reply", "LinkedIn");

    HttpResponse<String> r =
        client.post("/contacts/" + wei + "/reply", Map.of("text", "Sure, next week works"));

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(f.app.contacts().get(wei).stage()).isEqualTo(Stage.REPLIED);
    assertThat(f.app.contacts().show(wei).events().toString())
        .contains("recorded by hand:\nSure, next week works");
  }
}
