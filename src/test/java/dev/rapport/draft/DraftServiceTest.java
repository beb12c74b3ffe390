package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.NotFoundException;
import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Event;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.contact.Stage;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.template.TemplateEngine;
import dev.rapport.template.TemplateRenderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftServiceTest {
  static final Config.Me ME = new Config.Me("Sam Rivera", "sam@example.org", "Sam", "");

  @TempDir Path dir;
  Path folder;
  Database db;
  ContactService contacts;
  HypothesisService hypotheses;
  DraftService drafts;

  @BeforeEach
  void setUp() {
    folder = DefaultTemplates.copyTo(dir.resolve("templates"));
    db = DatabaseOpener.open(new DataFolder(dir.resolve("data")));
    Clock clock = Clock.systemUTC();
    contacts = new ContactService(db, clock);
    hypotheses = new HypothesisService(db, clock);
    drafts =
        new DraftService(
            db, contacts, hypotheses, new DraftTemplates(new TemplateEngine(folder), ME), clock);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  Contact add(String name, String email, Integer tier, Long referredBy, Long hypothesis) {
    return contacts.add(
        new NewContact(name, email, null, null, tier, referredBy, hypothesis, null, "test"));
  }

  Contact ada() {
    return add("Ada Lovelace", "ada@example.org", 3, null, null);
  }

  List<Event> events(long contactId, EventType type) {
    return contacts.show(contactId).events().stream().filter(e -> e.type() == type).toList();
  }

  void setStatus(long draftId, DraftStatus status) {
    db.transaction(c -> Sql.update(c, "UPDATE draft SET status = ? WHERE id = ?", status, draftId));
  }

  @Nested
  class Outreach {
    @Test
    void makesAPendingDraftToTheContactWithAnEventLinkingIt() {
      Contact ada = ada();
      Draft d = drafts.outreach(ada.id(), false);
      assertThat(d.status()).isEqualTo(DraftStatus.PENDING);
      assertThat(d.kind()).isEqualTo(DraftKind.OUTREACH);
      assertThat(d.contactId()).isEqualTo(ada.id());
      assertThat(d.to()).isEqualTo("ada@example.org");
      assertThat(d.template()).isEqualTo("outreach.ftl");
      assertThat(d.subject()).isEqualTo("A short question about your work");
      assertThat(d.body()).startsWith("Hi Ada,").endsWith("Sam");
      assertThat(d.createdAt()).isNotNull();
      assertThat(d.approvedAt()).isNull();
      List<Event> created = events(ada.id(), EventType.DRAFT_CREATED);
      assertThat(created).hasSize(1);
      assertThat(created.get(0).linkType()).isEqualTo("draft");
      assertThat(created.get(0).linkId()).isEqualTo(d.id());
      assertThat(created.get(0).detail()).contains("outreach.ftl").contains(d.subject());
    }

    @Test
    void aReferredContactNamesTheReferrerAndTheHypothesisIsUsed() {
      long h = hypotheses.add("product management in health tech").id();
      Contact alan = add("Alan Turing", "alan@example.org", 2, null, null);
      Contact grace = add("Grace Hopper", "grace@example.org", 1, alan.id(), h);
      Draft d = drafts.outreach(grace.id(), false);
      assertThat(d.template()).isEqualTo("outreach-referred.ftl");
      assertThat(d.subject()).isEqualTo("Alan suggested I get in touch");
      assertThat(d.body())
          .contains("Alan Turing suggested")
          .contains("product management in health tech");
    }

    @Test
    void isRefusedWhileAnotherOutreachDraftIsPendingOrApprovedEvenWithForce() {
      Contact ada = ada();
      Draft first = drafts.outreach(ada.id(), false);
      assertThatThrownBy(() -> drafts.outreach(ada.id(), true))
          .isInstanceOf(DraftStateException.class)
          .hasMessageContaining("already has outreach draft " + first.id() + " (PENDING)");
      drafts.approve(first.id());
      assertThatThrownBy(() -> drafts.outreach(ada.id(), true)).hasMessageContaining("(APPROVED)");
      for (DraftStatus status : List.of(DraftStatus.SENDING, DraftStatus.UNCERTAIN)) {
        setStatus(first.id(), status);
        assertThatThrownBy(() -> drafts.outreach(ada.id(), true))
            .hasMessageContaining("(" + status + ")");
      }
      assertThat(drafts.list(Optional.empty())).hasSize(1);
      assertThat(events(ada.id(), EventType.DRAFT_CREATED)).hasSize(1);
    }

    @Test
    void isAllowedAgainAfterTheDraftWasRejected() {
      Contact ada = ada();
      drafts.reject(drafts.outreach(ada.id(), false).id());
      assertThat(drafts.outreach(ada.id(), false).status()).isEqualTo(DraftStatus.PENDING);
    }

    @Test
    void isRefusedAfterOutreachWasSentUnlessForced() {
      Contact ada = ada();
      Draft sent = drafts.outreach(ada.id(), false);
      setStatus(sent.id(), DraftStatus.SENT);
      assertThatThrownBy(() -> drafts.outreach(ada.id(), false))
          .isInstanceOf(DraftStateException.class)
          .hasMessageContaining("already sent outreach (draft " + sent.id() + ")")
          .hasMessageContaining("--force");
      Draft forced = drafts.outreach(ada.id(), true);
      assertThat(forced.status()).isEqualTo(DraftStatus.PENDING);
      assertThat(forced.reason())
          .startsWith("Written again at your request: your first outreach was sent")
          .doesNotContain("--force");
    }

    @Test
    void isRefusedForAContactPastNewUnlessForced() {
      Contact ada = ada();
      contacts.moveManually(ada.id(), Stage.REPLIED, null);
      assertThatThrownBy(() -> drafts.outreach(ada.id(), false))
          .isInstanceOf(DraftStateException.class)
          .hasMessage(
              "Contact "
                  + ada.id()
                  + " (Ada Lovelace) is REPLIED, not NEW; outreach is for people not yet contacted."
                  + " Use --force to draft it anyway.");
      Draft forced = drafts.outreach(ada.id(), true);
      assertThat(forced.reason())
          .isEqualTo("Written again at your request: the contact is at stage Replied.");
    }

    @Test
    void isRefusedForPausedAndBouncedContactsEvenWithForce() {
      Contact ada = ada();
      for (Stage stage : List.of(Stage.PAUSED, Stage.BOUNCED)) {
        contacts.moveManually(ada.id(), stage, null);
        assertThatThrownBy(() -> drafts.outreach(ada.id(), true))
            .hasMessageContaining("is " + stage + "; no outreach");
      }
      assertThat(drafts.list(Optional.empty())).isEmpty();
    }

    @Test
    void aTemplateErrorLeavesNoDraftAndNoEvent() throws IOException {
      Contact ada = ada();
      Files.writeString(folder.resolve("outreach.ftl"), "Subject: Hi\n\nAt ${contact.company}\n");
      assertThatThrownBy(() -> drafts.outreach(ada.id(), false))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessage(
              "No draft for contact "
                  + ada.id()
                  + " (Ada Lovelace): "
                  + folder.resolve("outreach.ftl")
                  + " line 3: contact.company is missing; give it a value or write ${contact.company!\"\"} in the template");
      assertThat(drafts.list(Optional.empty())).isEmpty();
      assertThat(events(ada.id(), EventType.DRAFT_CREATED)).isEmpty();
    }

    @Test
    void anUnknownContactIsNotFound() {
      assertThatThrownBy(() -> drafts.outreach(99, false))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("There is no contact 99.");
    }
  }

  @Nested
  class Review {
    @Test
    void approvalMarksApprovedWithTheTimeAndAnEvent() {
      Contact ada = ada();
      Draft d = drafts.approve(drafts.outreach(ada.id(), false).id());
      assertThat(d.status()).isEqualTo(DraftStatus.APPROVED);
      assertThat(d.approvedAt()).isNotNull();
      assertThat(d.sentAt()).isNull();
      assertThat(events(ada.id(), EventType.DRAFT_APPROVED))
          .singleElement()
          .satisfies(e -> assertThat(e.linkId()).isEqualTo(d.id()));
    }

    @Test
    void onlyPendingDraftsCanBeApproved() {
      Draft d = drafts.outreach(ada().id(), false);
      drafts.approve(d.id());
      assertThatThrownBy(() -> drafts.approve(d.id()))
          .isInstanceOf(DraftStateException.class)
          .hasMessage("Draft " + d.id() + " is APPROVED; only PENDING drafts can be approved.");
      drafts.reject(d.id());
      assertThatThrownBy(() -> drafts.approve(d.id())).hasMessageContaining("is REJECTED");
    }

    @Test
    void approveAllTakesEveryPendingDraftAndNothingElse() {
      Draft a = drafts.outreach(ada().id(), false);
      Draft b = drafts.outreach(add("Bob", "bob@example.org", 4, null, null).id(), false);
      Draft c = drafts.outreach(add("Cy", "cy@example.org", 4, null, null).id(), false);
      drafts.reject(c.id());
      List<Draft> approved = drafts.approveAll();
      assertThat(approved).extracting(Draft::id).containsExactly(a.id(), b.id());
      assertThat(drafts.get(c.id()).status()).isEqualTo(DraftStatus.REJECTED);
      assertThat(drafts.approveAll()).isEmpty();
    }

    @Test
    void rejectTakesPendingOrApprovedDrafts() {
      Contact ada = ada();
      Draft d = drafts.outreach(ada.id(), false);
      drafts.approve(d.id());
      assertThat(drafts.reject(d.id()).status()).isEqualTo(DraftStatus.REJECTED);
      assertThat(events(ada.id(), EventType.DRAFT_REJECTED))
          .singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("was APPROVED"));
      assertThatThrownBy(() -> drafts.reject(d.id()))
          .hasMessage(
              "Draft " + d.id() + " is REJECTED; only PENDING or APPROVED drafts can be rejected.");
      setStatus(d.id(), DraftStatus.SENT);
      assertThatThrownBy(() -> drafts.reject(d.id())).hasMessageContaining("is SENT");
    }

    @Test
    void listShowsPendingFirstAndFiltersByStatus() {
      Draft a = drafts.outreach(ada().id(), false);
      Draft b = drafts.outreach(add("Bob", "bob@example.org", 4, null, null).id(), false);
      drafts.approve(a.id());
      assertThat(drafts.list(Optional.empty()))
          .extracting(Draft::id)
          .containsExactly(b.id(), a.id());
      assertThat(drafts.list(Optional.of(DraftStatus.APPROVED)))
          .extracting(Draft::id)
          .containsExactly(a.id());
    }
  }

  @Nested
  class Edit {
    @Test
    void savesTheEditAndKeepsThePreviousTextOnTheTimeline() {
      Contact ada = ada();
      Draft d = drafts.outreach(ada.id(), false);
      DraftContent edited =
          new DraftContent(d.to(), "Twenty minutes?", d.body() + "\nP.S. Thanks!");
      Draft saved = drafts.edit(d, edited).orElseThrow();
      assertThat(saved.subject()).isEqualTo("Twenty minutes?");
      assertThat(saved.body()).endsWith("P.S. Thanks!");
      Event e = events(ada.id(), EventType.DRAFT_EDITED).get(0);
      assertThat(e.linkId()).isEqualTo(d.id());
      assertThat(e.detail()).contains("Subject: " + d.subject()).contains(d.body());
    }

    @Test
    void anApprovedDraftGoesBackToPendingForReview() {
      Draft d = drafts.approve(drafts.outreach(ada().id(), false).id());
      Draft saved = drafts.edit(d, new DraftContent(d.to(), "New subject", d.body())).orElseThrow();
      assertThat(saved.status()).isEqualTo(DraftStatus.PENDING);
      assertThat(saved.approvedAt()).isNull();
    }

    @Test
    void anUnchangedEditChangesNothing() {
      Contact ada = ada();
      Draft d = drafts.outreach(ada.id(), false);
      assertThat(drafts.edit(d, d.content())).isEmpty();
      assertThat(events(ada.id(), EventType.DRAFT_EDITED)).isEmpty();
    }

    @Test
    void anEditOfADraftThatChangedMeanwhileIsRefused() {
      Draft d = drafts.outreach(ada().id(), false);
      Draft first = drafts.edit(d, new DraftContent(d.to(), "First", d.body())).orElseThrow();
      assertThatThrownBy(() -> drafts.edit(d, new DraftContent(d.to(), "Second", d.body())))
          .isInstanceOf(DraftStateException.class)
          .hasMessageContaining("changed while you were editing");
      setStatus(d.id(), DraftStatus.SENT);
      Draft sent = drafts.get(d.id());
      assertThatThrownBy(() -> drafts.edit(first, new DraftContent(d.to(), "Third", d.body())))
          .hasMessageContaining("it is now SENT");
      assertThat(drafts.get(d.id()).subject()).isEqualTo("First");
      assertThatThrownBy(() -> drafts.edit(sent, new DraftContent(d.to(), "Third", d.body())))
          .hasMessageContaining("only PENDING or APPROVED drafts can be edited");
      assertThatThrownBy(() -> drafts.requireEditable(d.id())).hasMessageContaining("is SENT");
    }
  }

  /** Not a timed assertion: prints how long 1,000 outreach drafts take, database included. */
  @Test
  void rendersAThousandOutreachDrafts() {
    int n = 1000;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++)
      ids[i] = add("Person " + i, "p" + i + "@example.org", 1 + i % 4, null, null).id();
    long start = System.nanoTime();
    for (long id : ids) drafts.outreach(id, false);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("Rendered and stored " + n + " outreach drafts in " + ms + " ms");
    assertThat(drafts.list(Optional.of(DraftStatus.PENDING))).hasSize(n);
  }
}
