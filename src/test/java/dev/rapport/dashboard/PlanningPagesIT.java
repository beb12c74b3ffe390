package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.interview.Notes;
import dev.rapport.interview.Reflection;
import dev.rapport.question.Question;
import dev.rapport.store.Sql;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages around the conversations, over HTTP against a real server and H2 file: hypotheses with
 * their evidence and verdict, the question set, pause and resume, and whom to write to next.
 */
class PlanningPagesIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    client = new DashboardClient(f);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aHypothesisIsAddedShownWithItsEvidenceAndResolved() throws Exception {
    assertThat(client.get("/hypotheses").body()).contains("No hypotheses yet");
    HttpResponse<String> added =
        client.post("/hypotheses", Map.of("text", "Product management <in> health tech"));
    assertThat(added.statusCode()).isEqualTo(303);
    Hypothesis pm = f.app.hypotheses().list().get(0);
    assertThat(pm.text()).isEqualTo("Product management <in> health tech");
    assertThat(client.get("/hypotheses").body())
        .contains("Product management &lt;in&gt; health tech");
    assertThat(client.post("/hypotheses", Map.of("text", "  ")).statusCode()).isEqualTo(303);
    assertThat(f.app.hypotheses().list()).hasSize(1);

    long grace = f.contact("Grace Hopper", "grace@example.org", 1);
    link(grace, pm.id());
    f.app.contacts().moveManually(grace, Stage.CONTACTED, "sent", Link.command("test"));
    f.app.contacts().moveManually(grace, Stage.REPLIED, "answered", Link.command("test"));
    f.app.interviews().done(grace);
    f.app
        .notes()
        .record(
            grace,
            qs ->
                new Notes(
                    List.of(),
                    null,
                    null,
                    new Reflection("Patients first, every day.", "The meetings.", 4, true),
                    List.of()));
    String page = client.get("/hypotheses/" + pm.id()).body();
    assertThat(page)
        .contains("Grace Hopper", "Patients first, every day.", "The meetings.")
        .contains("energy 4/5 · continue on this path", "1 linked");

    assertThat(
            client
                .post(
                    "/hypotheses/" + pm.id() + "/resolve",
                    Map.of("verdict", "validated", "note", "three yeses"))
                .statusCode())
        .isEqualTo(303);
    assertThat(f.app.hypotheses().get(pm.id()).status()).isEqualTo(Hypothesis.Status.VALIDATED);
    assertThat(f.app.hypotheses().get(pm.id()).note()).isEqualTo("three yeses");
    client.post("/hypotheses/" + pm.id() + "/resolve", Map.of("verdict", "maybe"));
    assertThat(f.app.hypotheses().get(pm.id()).status()).isEqualTo(Hypothesis.Status.VALIDATED);
    assertThat(client.get("/hypotheses/999").statusCode()).isEqualTo(404);
  }

  @Test
  void theQuestionSetIsEditedAndAnswersStayWithTheirQuestion() throws Exception {
    List<Question> before = f.app.questions().list();
    assertThat(client.get("/questions").body()).contains(before.get(0).text());
    client.post("/questions/1/move", Map.of("to", "2"));
    List<Question> moved = f.app.questions().list();
    assertThat(moved.get(0).id()).isEqualTo(before.get(1).id());
    assertThat(moved.get(1).id()).isEqualTo(before.get(0).id());

    client.post("/questions/" + moved.size() + "/remove", Map.of());
    assertThat(f.app.questions().list()).hasSize(before.size() - 1);
    client.post("/questions", Map.of("text", "What surprised you most?"));
    client.post("/questions", Map.of("text", "And what next?"));
    List<Question> full = f.app.questions().list();
    assertThat(full).hasSize(10).last().extracting(Question::text).isEqualTo("And what next?");
    assertThat(client.get("/questions").body()).contains("The set is full (10)");
    client.post("/questions", Map.of("text", "One too many?"));
    assertThat(f.app.questions().list()).hasSize(10);
    assertThat(client.get("/questions").body()).contains("already has 10 questions");
    client.post("/questions/42/move", Map.of("to", "1"));
    assertThat(client.get("/questions").body()).contains("There is no question 42");
  }

  @Test
  void pauseAndResumeFromTheStatusPage() throws Exception {
    assertThat(client.get("/status").body()).contains("Pause sends and nudges");
    client.post("/pause", Map.of("until", "2099-01-31", "note", "moving house"));
    assertThat(f.app.pauses().current()).isPresent();
    String paused = client.get("/status").body();
    assertThat(paused).contains("Paused (", "moving house", "Resume</button>");
    client.post("/pause/resume", Map.of());
    assertThat(f.app.pauses().current()).isEmpty();
    assertThat(client.get("/status").body()).contains("Resumed.");
    client.post("/pause", Map.of("until", "next week"));
    assertThat(f.app.pauses().current()).isEmpty();
    assertThat(client.get("/status").body()).contains("Until: &quot;next week&quot; is not a date");
  }

  @Test
  void thePipelineSuggestsWhomToWriteToNextAndDraftsIt() throws Exception {
    long close = f.contact("Ada Lovelace", "ada@example.org", 1);
    f.contact("Linus Example", "linus@example.org", 4);
    String page = client.get("/pipeline").body();
    assertThat(page).contains("Whom to write to next", "of your goal of 3");
    assertThat(page.indexOf("Draft outreach to Ada Lovelace"))
        .isPositive()
        .isLessThan(page.indexOf("Draft outreach to Linus Example"));
    HttpResponse<String> r = client.post("/contacts/" + close + "/outreach", Map.of());
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(f.app.drafts().list(Optional.empty()))
        .singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(DraftKind.OUTREACH));
    assertThat(client.get("/pipeline").body())
        .contains("1 waiting")
        .doesNotContain("Draft outreach to Ada Lovelace");
  }

  @Test
  void withNobodyToSuggestThePipelineSaysWhy() throws Exception {
    String page = client.get("/pipeline").body();
    assertThat(page)
        .contains("Whom to write to next", "Nobody is left to write to: 0 contacts are NEW.");
  }

  @Test
  void importAFileFromTheBrowserWithTheSameReportAsTheCommand() throws Exception {
    f.contact("Ada Lovelace", "ada@example.org", 1);
    Hypothesis pm = f.app.hypotheses().add("Developer tools");
    byte[] csv =
        ("name,email,company\n"
                + "Grace Hopper,grace@example.org,Navy\n"
                + "Ada again,ADA@example.org,\n"
                + "No Address,,Somewhere\n"
                + "Bad Address,<b>bad@@example.org,\n"
                + "Linus <b>Example</b>,linus@example.org,\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> preview =
        client.postFile(
            "/import",
            Map.of("tier", "2", "hypothesis", String.valueOf(pm.id()), "preview", "yes"),
            "file",
            "../../Connections.csv",
            csv);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("Preview: nothing was saved", "Connections.csv");
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(1);

    HttpResponse<String> done =
        client.postFile(
            "/import",
            Map.of("tier", "2", "hypothesis", String.valueOf(pm.id())),
            "file",
            "people.csv",
            csv);
    assertThat(done.body())
        .contains("line 3", "line 4", "line 5")
        .contains("Imported 2 contacts from people.csv; 1 skipped as a duplicate; 2 rejected.")
        .contains("&quot;&lt;b&gt;bad@@example.org&quot; is not a valid email address")
        .doesNotContain("<b>bad");
    var contacts = f.app.contacts().list(Optional.empty());
    assertThat(contacts).hasSize(3);
    assertThat(
            contacts.stream()
                .filter(c -> c.name().equals("Grace Hopper"))
                .findFirst()
                .orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.tier()).isEqualTo(2);
              assertThat(c.hypothesisId()).isEqualTo(pm.id());
            });
    try (var left = java.nio.file.Files.list(f.app.data().path())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("import-"));
    }

    HttpResponse<String> none = client.postFile("/import", Map.of(), "file", "", new byte[0]);
    assertThat(none.body()).contains("Choose a file to import first.");
    HttpResponse<String> badTier =
        client.postFile("/import", Map.of("tier", "7"), "file", "x.csv", csv);
    assertThat(badTier.statusCode()).isEqualTo(422);
    assertThat(badTier.body()).contains("Nothing was imported", "expected 1 (closest) to 4");
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(3);
  }

  @Test
  void aLongColumnShowsItsFirstCardsAndLinksToAllOfThem() throws Exception {
    int many = PipelinePage.COLUMN_CARDS + 5;
    for (int i = 1; i <= many; i++) f.contact("Person " + i, "p" + i + "@example.org", 1 + i % 2);
    String board = client.get("/pipeline").body();
    assertThat(board)
        .contains("Person " + PipelinePage.COLUMN_CARDS + "</a></h3>")
        .doesNotContain("Person " + (PipelinePage.COLUMN_CARDS + 1) + "</a></h3>")
        .contains("All " + many + " in New →", "<span class=\"count\">" + many + "</span>");
    String column = client.get("/pipeline?stage=NEW").body();
    assertThat(column).contains("Person " + many + "</a></h3>", "New: 1–" + many + " of " + many);
    String tier2 = client.get("/pipeline?stage=NEW&tier=2").body();
    assertThat(tier2).contains("Person 1</a></h3>").doesNotContain("Person 2</a></h3>");
  }

  private void link(long contact, long hypothesis) {
    f.app
        .database()
        .transaction(
            c -> {
              Sql.update(
                  c, "UPDATE contact SET hypothesis_id = ? WHERE id = ?", hypothesis, contact);
              return null;
            });
  }
}
