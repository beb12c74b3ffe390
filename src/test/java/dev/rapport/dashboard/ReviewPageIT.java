package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.Sql;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review queue's changes over HTTP: edits checked as drafts edit checks them, UNCERTAIN. */
class ReviewPageIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;
  long draft;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    draft = f.outreach(f.contact("Ada Lovelace", "ada@example.org", 1));
    client = new DashboardClient(f);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theOutreachCheckWarnsOnThePageAndApprovalStillWorks() throws Exception {
    Draft before = f.app.drafts().get(draft);
    assertThat(client.get("/").body()).doesNotContain("Worth a second look");
    HttpResponse<String> r =
        edit(
            before.updatedAt().toString(),
            "Hello",
            "Hi Ada,\r\n\r\nI am looking for a new job. My CV is attached.\r\n\r\nSam");
    assertThat(r.statusCode()).isEqualTo(303);
    String page = client.get("/").body();
    assertThat(page)
        .contains("id=\"checks-" + draft + "\"")
        .contains("Worth a second look")
        .contains("It asks no question.")
        .contains("It asks for a job or sends a CV (&quot;looking for a new job&quot;)");
    assertThat(client.post("/drafts/" + draft + "/approve", Map.of()).statusCode()).isEqualTo(303);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.APPROVED);
  }

  @Test
  void anEditWithAnEmptyBodyIsRefusedWithTheTypedTextKept() throws Exception {
    Draft before = f.app.drafts().get(draft);
    HttpResponse<String> r = edit(before.updatedAt().toString(), "A new subject <b>", "   \r\n  ");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Not saved: Body: the body is empty");
    assertThat(r.body()).contains("value=\"A new subject &lt;b&gt;\"");
    assertThat(f.app.drafts().get(draft).content()).isEqualTo(before.content());
  }

  @Test
  void aSubjectRunningOntoASecondLineIsRefused() throws Exception {
    Draft before = f.app.drafts().get(draft);
    HttpResponse<String> r =
        edit(before.updatedAt().toString(), "Hello\r\nBcc: everyone@example.org", "Hi Ada");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Not saved: Subject:");
    assertThat(f.app.drafts().get(draft).content()).isEqualTo(before.content());
  }

  @Test
  void anEditOfADraftChangedSinceThePageLoadedIsRefused() throws Exception {
    HttpResponse<String> r = edit("2001-01-01T00:00Z", "Hello", "Hi Ada");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("changed since the page was loaded");
    assertThat(f.app.drafts().get(draft).subject()).isNotEqualTo("Hello");
  }

  @Test
  void aGoodEditIsSavedWithLineEndsAsADraftKeepsThem() throws Exception {
    Draft before = f.app.drafts().get(draft);
    HttpResponse<String> r = edit(before.updatedAt().toString(), "Hello", "Hi Ada,\r\n\r\nSam");
    assertThat(r.statusCode()).isEqualTo(303);
    Draft after = f.app.drafts().get(draft);
    assertThat(after.subject()).isEqualTo("Hello");
    assertThat(after.body()).isEqualTo("Hi Ada,\n\nSam");
    assertThat(f.app.contacts().show(after.contactId()).events())
        .anySatisfy(e -> assertThat(e.detail()).contains("draft " + draft + " edited"));
  }

  @Test
  void anUncertainDraftShowsItsTwoChoicesAndTakesTheUsersDecision() throws Exception {
    f.app.drafts().approve(draft);
    f.app
        .database()
        .transaction(
            c ->
                Sql.update(
                    c,
                    "UPDATE draft SET status = 'UNCERTAIN', message_id = '<u1@example.org>' WHERE id = ?",
                    draft));
    String page = get("/").body();
    assertThat(page).contains("Interrupted sends", "It arrived: mark it sent", "send it again");
    assertThat(page).contains("&lt;u1@example.org&gt;");
    HttpResponse<String> r = post("/drafts/" + draft + "/resolve", Map.of("decision", "resend"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.APPROVED);
    assertThat(get("/").body()).contains("Queued to be sent again");
  }

  @Test
  void aDraftBackForReviewSaysWhyInPlainWords() throws Exception {
    f.app
        .database()
        .transaction(
            c ->
                Sql.update(
                    c,
                    "UPDATE draft SET review_note = ? WHERE id = ?",
                    "Draft 7 went to them after this draft was made, so this one now replies to it <b>.",
                    draft));
    String page = get("/").body();
    assertThat(page)
        .contains(
            "Back for review:</span> Draft 7 went to them after this draft was made, so this one now replies to it &lt;b&gt;.");
  }

  private HttpResponse<String> edit(String version, String subject, String body) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("version", version);
    form.put("subject", subject);
    form.put("body", body);
    return post("/drafts/" + draft + "/edit", form);
  }

  private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    return client.post(path, fields);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.get(path);
  }
}
