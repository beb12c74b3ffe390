package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Contact;
import dev.rapport.draft.DraftStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a contact's details on the contact page, as {@code contacts edit}, over HTTP. */
class ContactEditIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;
  long grace;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    grace = f.contact("Grace Hoper", "grace@navy.example", 2);
    f.contact("Ada Lovelace", "ada@example.org", 1);
    client = new DashboardClient(f);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void moveByHandAsksForAStageInsteadOfOfferingNew() throws Exception {
    String page = client.get("/contacts/" + grace).body();
    assertThat(page)
        .contains(
            "<select id=\"stage\" name=\"stage\" required><option value=\"\" selected disabled>Choose a stage</option>");
    client.post("/contacts/" + grace + "/stage", Map.of("stage", ""));
    assertThat(f.app.contacts().get(grace).stage().name())
        .as("a form sent without a choice moves nobody")
        .isEqualTo("NEW");
  }

  @Test
  void theFormShowsTheDetailsAndSavesWhatChanged() throws Exception {
    long draft = f.outreach(grace);
    f.app.drafts().approve(draft);
    String page = client.get("/contacts/" + grace).body();
    assertThat(page)
        .contains("Edit details", "value=\"Grace Hoper\"", "value=\"grace@navy.example\"");
    Map<String, String> form = form("Grace Hopper", "grace@example.org");
    HttpResponse<String> r = client.post("/contacts/" + grace + "/edit", form);
    assertThat(r.statusCode()).isEqualTo(303);
    Contact c = f.app.contacts().get(grace);
    assertThat(c.name()).isEqualTo("Grace Hopper");
    assertThat(c.email()).isEqualTo("grace@example.org");
    assertThat(c.company()).isNull();
    assertThat(c.tier()).isEqualTo(1);
    assertThat(f.app.drafts().get(draft).to()).isEqualTo("grace@example.org");
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
    assertThat(client.get("/contacts/" + grace).body())
        .contains(
            "Saved Grace Hopper&#39;s details. 1 draft(s) not yet sent now go to grace@example.org");
  }

  @Test
  void aRefusedEditComesBackAsTypedAndChangesNothing() throws Exception {
    Map<String, String> form = form("Grace <Hopper>", "ADA@example.org");
    HttpResponse<String> r = client.post("/contacts/" + grace + "/edit", form);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("Not saved: email: ADA@example.org is already contact 2 (Ada Lovelace)")
        .contains(
            "value=\"Grace &lt;Hopper&gt;\"",
            "value=\"ADA@example.org\"",
            "<details class=\"add\" open>");
    Contact c = f.app.contacts().get(grace);
    assertThat(c.name()).isEqualTo("Grace Hoper");
    assertThat(c.email()).isEqualTo("grace@navy.example");
    assertThat(
            client.postRaw("/contacts/" + grace + "/edit", form("X", "x@example.org")).statusCode())
        .isEqualTo(403);
    assertThat(f.app.contacts().get(grace).name()).isEqualTo("Grace Hoper");
  }

  @Test
  void aBouncedContactStartsOverAsNewWithTheCorrectedAddress() throws Exception {
    assertThat(client.get("/contacts/" + grace).body()).doesNotContain("name=\"reset\"");
    f.app.contacts().moveManually(grace, dev.rapport.contact.Stage.BOUNCED, "test");
    assertThat(client.get("/contacts/" + grace).body())
        .contains("name=\"reset\"", "start them over as NEW");
    client.post("/contacts/" + grace + "/edit", form("Grace Hoper", "grace@navy.mil"));
    assertThat(f.app.contacts().get(grace).stage().name()).isEqualTo("BOUNCED");
    assertThat(client.get("/contacts/" + grace).body()).contains("They are still BOUNCED");
    Map<String, String> reset = form("Grace Hoper", "grace.hopper@navy.mil");
    reset.put("reset", "yes");
    assertThat(client.post("/contacts/" + grace + "/edit", reset).statusCode()).isEqualTo(303);
    Contact c = f.app.contacts().get(grace);
    assertThat(c.stage().name()).isEqualTo("NEW");
    assertThat(c.email()).isEqualTo("grace.hopper@navy.mil");
  }

  @Test
  void aReplyShowsItsWordsAndALikelyNoHasADeclineButton() throws Exception {
    f.app.contacts().moveManually(grace, dev.rapport.contact.Stage.CONTACTED, "test");
    f.app
        .database()
        .transaction(
            c -> {
              f.app
                  .contacts()
                  .recordReply(
                      c,
                      grace,
                      "Reply \"Re: Hello\" from grace@navy.example",
                      null,
                      null,
                      "Hi Ada,\n\nunfortunately I <b>can't</b> help.",
                      "unfortunately I <b>can't</b> help");
              return null;
            });
    f.app.contacts().moveManually(grace, dev.rapport.contact.Stage.REPLIED, "test");
    String page = client.get("/contacts/" + grace).body();
    assertThat(page)
        .contains("Hi Ada,\n\nunfortunately I &lt;b&gt;can&#39;t&lt;/b&gt; help.</blockquote>")
        .contains("This reply looks like a no: &lsquo;unfortunately I &lt;b&gt;can&#39;t")
        .contains("action=\"/contacts/" + grace + "/decline\"")
        .doesNotContain("<b>can't</b>");
    assertThat(
            client.post("/contacts/" + grace + "/decline", Map.of("note", "said no")).statusCode())
        .isEqualTo(303);
    assertThat(f.app.contacts().get(grace).stage().name()).isEqualTo("DECLINED");
    assertThat(client.get("/contacts/" + grace).body())
        .contains("Grace Hoper is now DECLINED.")
        .doesNotContain("looks like a no")
        .doesNotContain("/decline\"");
  }

  private static Map<String, String> form(String name, String email) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("email", email);
    m.put("company", "");
    m.put("role", "Rear admiral");
    m.put("tier", "1");
    m.put("level", "SENIOR");
    m.put("hypothesis", "");
    return m;
  }
}
