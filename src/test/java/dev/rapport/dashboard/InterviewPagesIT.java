package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Contact;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.interview.Interview;
import dev.rapport.question.Question;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contact page's interview work over HTTP, against a real server and H2 file: booking, moving,
 * cancelling, marking done (with its thank-you draft), the notes form with answers, reflection and
 * referrals, the Compare page, and the forms that add a contact, draft outreach and take a note.
 * Refused forms come back as typed and save nothing.
 */
class InterviewPagesIT {
  @TempDir Path dir;
  DashboardFixture f;
  DashboardClient client;
  long grace;

  @BeforeEach
  void start() throws Exception {
    f = new DashboardFixture(dir);
    grace = replied("Grace Hopper", "grace@example.org");
    client = new DashboardClient(f);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void bookingMovingAndCancellingAnInterview() throws Exception {
    HttpResponse<String> r = client.post(path("/interview/schedule"), slot("2026-12-15", "10:00"));
    assertThat(r.statusCode()).isEqualTo(303);
    Interview booked = only(Interview.Status.SCHEDULED);
    assertThat(booked.start().toString()).isEqualTo("2026-12-15T10:00+01:00[Europe/Berlin]");
    assertThat(booked.place()).isEqualTo("Video call");
    assertThat(f.app.contacts().get(grace).stage()).isEqualTo(Stage.SCHEDULED);
    String page = client.get(path("")).body();
    assertThat(page).contains("Booked interview " + booked.id(), "Tue 15 Dec 2026, 10:00");
    assertThat(page).contains("Move the interview", "value=\"2026-12-15\"", "Cancel the interview");

    Map<String, String> later = slot("2026-12-16", "09:30");
    later.put("zone", "America/New_York");
    assertThat(client.post(path("/interview/reschedule"), later).statusCode()).isEqualTo(303);
    assertThat(only(Interview.Status.SCHEDULED).start().toString())
        .isEqualTo("2026-12-16T09:30-05:00[America/New_York]");
    assertThat(client.get(path("")).body()).contains("Wed 16 Dec 2026, 15:30 your time");

    assertThat(client.post(path("/interview/cancel"), Map.of("note", "she is ill")).statusCode())
        .isEqualTo(303);
    assertThat(f.app.interviews().list(Optional.of(Interview.Status.CANCELLED))).hasSize(1);
    assertThat(f.app.contacts().show(grace).events())
        .anySatisfy(e -> assertThat(e.detail()).contains("Cancelled", "she is ill"));
  }

  @Test
  void aRefusedBookingComesBackAsTypedAndBooksNothing() throws Exception {
    Map<String, String> bad = slot("2026-12-15", "10:00");
    bad.put("zone", "Mars/Olympus");
    bad.put("where", "Café <Zeit>");
    HttpResponse<String> r = client.post(path("/interview/schedule"), bad);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("Not saved: Time zone: &quot;Mars/Olympus&quot; is not a zone")
        .contains("value=\"Mars/Olympus\"", "value=\"2026-12-15\"", "value=\"Café &lt;Zeit&gt;\"");
    Map<String, String> tooLong = slot("2026-12-15", "10:00");
    tooLong.put("minutes", "600");
    assertThat(client.post(path("/interview/schedule"), tooLong).body())
        .contains("Length: an interview lasts 5 to 480 minutes");
    assertThat(f.app.interviews().list(Optional.empty())).isEmpty();
    assertThat(f.app.contacts().get(grace).stage()).isEqualTo(Stage.REPLIED);
  }

  @Test
  void markingItDoneDraftsTheThankYouAtOnce() throws Exception {
    client.post(path("/interview/schedule"), slot("2026-12-01", "10:00"));
    HttpResponse<String> r =
        client.post(
            path("/interview/done"),
            Map.of("highlight", "the story about the moth", "force", "yes"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(f.app.contacts().get(grace).stage()).isEqualTo(Stage.INTERVIEWED);
    List<Draft> thanks = drafts(DraftKind.THANK_YOU);
    assertThat(thanks)
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DraftStatus.PENDING));
    assertThat(thanks.get(0).body()).contains("the story about the moth");
    String page = client.get(path("")).body();
    assertThat(page)
        .contains("Thank-you draft " + thanks.get(0).id() + " is waiting for your review");
    assertThat(page).contains("Notes on the interview").doesNotContain("Draft the thank-you");
    assertThat(page)
        .as("the timeline comes before the long notes form")
        .containsSubsequence("<h2 id=\"timeline-h\">Timeline</h2>", "<h2 id=\"notes-h\">");
    assertThat(page).contains("<summary>Book another conversation</summary>");
    assertThat(page).contains("<dt>Next</dt><dd>remind you of the thank-you");
    // The user rejected it: the page offers to draft it again, once.
    f.app.drafts().reject(thanks.get(0).id());
    assertThat(client.get(path("")).body()).contains("Draft the thank-you");
    assertThat(client.post(path("/thank-you"), Map.of()).statusCode()).isEqualTo(303);
    assertThat(drafts(DraftKind.THANK_YOU)).hasSize(2);
  }

  @Test
  void notesWithAnswersReflectionAndAReferral() throws Exception {
    client.post(path("/interview/schedule"), slot("2026-12-01", "10:00"));
    client.post(path("/interview/done"), Map.of("force", "yes"));
    List<Question> questions = f.app.questions().list();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        NotesForm.answerField(questions.get(0).id()),
        "By accident, <b>really</b>.\r\nThen on purpose.");
    form.put(NotesForm.answerField(questions.get(2).id()), "Debugging other people's code.");
    form.put("notes", "Warm; ran over by ten minutes.");
    form.put("highlight", "the story about the moth");
    form.put("resonated", "Teaching is part of the job.");
    form.put("energy", "4");
    form.put("continue", "yes");
    form.put("ref-name-1", "Katherine Johnson");
    form.put("ref-email-1", "katherine@example.org");
    form.put("ref-context-1", "orbital mechanics");
    form.put("ref-offered-1", "yes");
    HttpResponse<String> r = client.post(path("/interview/notes"), form);
    assertThat(r.statusCode()).isEqualTo(303);

    var details = f.app.notes().details(grace);
    assertThat(details.answers())
        .extracting(a -> a.text())
        .containsExactly(
            "By accident, <b>really</b>.\nThen on purpose.", "Debugging other people's code.");
    Interview i = details.interview();
    assertThat(i.highlight()).isEqualTo("the story about the moth");
    assertThat(i.reflection().energy()).isEqualTo(4);
    assertThat(i.reflection().continuePath()).isTrue();
    assertThat(details.referrals())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.introductionOffered()).isTrue();
              Contact k = f.app.contacts().get(ref.contactId());
              assertThat(k.referredBy()).isEqualTo(grace);
              assertThat(k.name()).isEqualTo("Katherine Johnson");
            });

    String page = client.get(path("")).body();
    assertThat(page)
        .contains(
            "Saved the notes on interview " + i.id() + ": 2 answer(s); added Katherine Johnson");
    assertThat(page)
        .as("the thank-you drafted at 'done', untouched, follows the notes")
        .contains("now says what these notes say (highlight, introductions)");
    assertThat(drafts(DraftKind.THANK_YOU).get(0).body())
        .contains("the story about the moth")
        .contains("Katherine Johnson");
    assertThat(page)
        .contains("By accident, &lt;b&gt;really&lt;/b&gt;.")
        .doesNotContain("<b>really</b>");
    assertThat(page)
        .contains("(now: the story about the moth)", "(now: 4 of 5)", "Katherine Johnson</a>");

    // A second save adds to the first; it does not replace it.
    client.post(
        path("/interview/notes"),
        Map.of(NotesForm.answerField(questions.get(0).id()), "Also luck."));
    assertThat(f.app.notes().details(grace).answers()).hasSize(3);
  }

  @Test
  void aRefusedNotesFormKeepsEverythingTypedAndSavesNothing() throws Exception {
    client.post(path("/interview/done"), Map.of("force", "yes"));
    long q = f.app.questions().list().get(0).id();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(NotesForm.answerField(q), "A long answer I would hate to lose.");
    form.put("resonated", "The mentoring.");
    form.put("ref-name-2", "Dorothy Vaughan");
    form.put("ref-context-2", "FORTRAN");
    HttpResponse<String> r = client.post(path("/interview/notes"), form);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("Not saved: Referral 2: Dorothy Vaughan needs an email address")
        .contains("A long answer I would hate to lose.</textarea>", "The mentoring.</textarea>")
        .contains("value=\"Dorothy Vaughan\"", "value=\"FORTRAN\"");
    assertThat(f.app.notes().details(grace).answers()).isEmpty();
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(1);

    Map<String, String> energy = Map.of("energy", "9");
    assertThat(client.post(path("/interview/notes"), energy).body())
        .contains("Energy: energy is 1");
    assertThat(client.post(path("/interview/notes"), Map.of()).body())
        .contains("There was nothing to record");
  }

  @Test
  void notesAndBookingsNeedTheSessionsToken() throws Exception {
    client.post(path("/interview/done"), Map.of("force", "yes"));
    long q = f.app.questions().list().get(0).id();
    var refused =
        client.postRaw(path("/interview/notes"), Map.of(NotesForm.answerField(q), "forged"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            client.postRaw(path("/interview/schedule"), slot("2026-12-20", "10:00")).statusCode())
        .isEqualTo(403);
    assertThat(
            client.postRaw("/contacts", Map.of("name", "X", "email", "x@example.org")).statusCode())
        .isEqualTo(403);
    assertThat(f.app.notes().details(grace).answers()).isEmpty();
    assertThat(f.app.interviews().list(Optional.of(Interview.Status.SCHEDULED))).isEmpty();
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(1);
  }

  @Test
  void theComparePageLinesUpAnswersQuestionByQuestion() throws Exception {
    assertThat(client.get("/compare").body()).contains("No interviews to compare yet");
    long linus = replied("Linus Example", "linus@example.org");
    var pm = f.app.hypotheses().add("Developer tools");
    f.app
        .database()
        .transaction(
            c -> {
              dev.rapport.store.Sql.update(
                  c, "UPDATE contact SET hypothesis_id = ? WHERE id = ?", pm.id(), linus);
              return null;
            });
    long q1 = f.app.questions().list().get(0).id();
    long q2 = f.app.questions().list().get(1).id();
    for (long who : List.of(grace, linus)) {
      client.post("/contacts/" + who + "/interview/done", Map.of("force", "yes"));
      client.post(
          "/contacts/" + who + "/interview/notes",
          Map.of(
              NotesForm.answerField(q1),
              "start of " + who,
              NotesForm.answerField(q2),
              "week of " + who));
    }
    String page = client.get("/compare").body();
    assertThat(page)
        .contains("Grace Hopper", "Linus Example", "start of " + grace, "week of " + linus);
    assertThat(page.indexOf("start of " + grace)).isLessThan(page.indexOf("start of " + linus));
    assertThat(page.indexOf("start of " + linus)).isLessThan(page.indexOf("week of " + grace));
    String filtered = client.get("/compare?hypothesis=" + pm.id()).body();
    assertThat(filtered).contains("start of " + linus).doesNotContain("start of " + grace);
    assertThat(client.get("/compare?hypothesis=999").body()).contains("start of " + grace);
  }

  @Test
  void addAContactDraftOutreachAndNoteResearch() throws Exception {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("name", "Ada Lovelace");
    bad.put("email", "ada@@example.org");
    bad.put("company", "Analytical Engines");
    bad.put("tier", "1");
    HttpResponse<String> refused = client.post("/contacts", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "Not added: email:", "value=\"ada@@example.org\"", "value=\"Analytical Engines\"");
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(1);

    bad.put("email", "ada@example.org");
    bad.put("level", "SENIOR");
    bad.put("timezone", "Mars/Base");
    assertThat(client.post("/contacts", bad).body())
        .contains("Not added: timezone:", "value=\"Mars/Base\"");
    bad.put("timezone", "America/New_York");
    bad.put("keep", "yes");
    HttpResponse<String> added = client.post("/contacts", bad);
    assertThat(added.statusCode()).isEqualTo(303);
    Contact ada =
        f.app.contacts().list(Optional.empty()).stream()
            .filter(c -> c.name().equals("Ada Lovelace"))
            .findFirst()
            .orElseThrow();
    assertThat(ada.tier()).isEqualTo(1);
    assertThat(ada.level()).hasToString("SENIOR");
    assertThat(ada.keepInTouch()).isTrue();
    assertThat(ada.timezone()).hasToString("America/New_York");
    assertThat(client.get("/contacts/" + ada.id()).body())
        .contains("America/New_York: mail goes inside your sending window in their zone")
        .contains("yes: a short note for your review 90d to 180d after the last exchange")
        .contains("Stop keep-in-touch notes");
    client.post("/contacts/" + ada.id() + "/keep", Map.of("keep", "no"));
    assertThat(f.app.contacts().get(ada.id()).keepInTouch()).isFalse();
    client.post("/contacts/" + ada.id() + "/timezone", Map.of("timezone", "Nowhere/Atlantis"));
    assertThat(client.get("/contacts/" + ada.id()).body()).contains("is not a time zone");
    assertThat(f.app.contacts().get(ada.id()).timezone()).hasToString("America/New_York");
    client.post("/contacts/" + ada.id() + "/timezone", Map.of("timezone", ""));
    assertThat(f.app.contacts().get(ada.id()).timezone()).isNull();
    assertThat(added.headers().firstValue("Location")).hasValue("/contacts/" + ada.id());

    assertThat(client.get("/contacts/" + ada.id()).body()).contains("Draft outreach");
    assertThat(client.post("/contacts/" + ada.id() + "/outreach", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(drafts(DraftKind.OUTREACH))
        .singleElement()
        .satisfies(d -> assertThat(d.contactId()).isEqualTo(ada.id()));
    assertThat(client.get("/").body()).contains("Outreach draft", "is waiting for your review");

    client.post("/contacts/" + ada.id() + "/note", Map.of("text", "Wrote the first program."));
    assertThat(f.app.contacts().show(ada.id()).events())
        .anySatisfy(e -> assertThat(e.detail()).contains("Wrote the first program."));
  }

  private long replied(String name, String email) {
    long id = f.contact(name, email, 2);
    f.app.contacts().moveManually(id, Stage.CONTACTED, "outreach sent", Link.command("test"));
    f.app.contacts().moveManually(id, Stage.REPLIED, "they answered", Link.command("test"));
    return id;
  }

  private Interview only(Interview.Status status) {
    List<Interview> all = f.app.interviews().list(Optional.of(status));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private List<Draft> drafts(DraftKind kind) {
    return f.app.drafts().list(Optional.empty()).stream().filter(d -> d.kind() == kind).toList();
  }

  private String path(String rest) {
    return "/contacts/" + grace + rest;
  }

  private static Map<String, String> slot(String date, String time) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("date", date);
    m.put("time", time);
    m.put("zone", "Europe/Berlin");
    m.put("minutes", "30");
    m.put("where", "Video call");
    m.put("force", "yes"); // these dates may lie in the past when the test runs
    return m;
  }
}
