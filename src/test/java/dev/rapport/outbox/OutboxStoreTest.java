package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.DraftStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxStoreTest {
  @TempDir Path dir;
  OutboxFixture f;
  final OutboxStore store = new OutboxStore();
  DraftLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, Instant.parse("2026-11-23T10:00:00Z"));
    lifecycle = new DraftLifecycle(f.contacts);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void aDraftEditedAfterThePassReadItIsNotTakenWithItsOldText() {
    long d = f.approved(f.contact("Ada", "ada@example.net"), DraftKind.OUTREACH, "Old", "old text");
    OutboxStore.Row seen = f.db.read(c -> store.due(c, f.clock.instant(), 10)).get(0);
    f.clock.advance(Duration.ofSeconds(1));
    // edited (back to PENDING) and approved again while the pass was busy
    f.set(d, "subject = 'New', body = 'new text', updated_at = ?", f.clock.instant());

    boolean taken =
        f.db.transaction(
            c -> lifecycle.claim(c, seen.draft(), "<x@example.org>", f.clock.instant(), 1));
    assertThat(taken).isFalse();
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat(f.db.read(c -> store.due(c, f.clock.instant(), 10)).get(0).draft().subject())
        .isEqualTo("New");
  }

  @Test
  void aRejectedDraftIsNotTaken() {
    long d = f.approved(f.contact("Ada", "ada@example.net"), DraftKind.OUTREACH, "Hi", "x");
    OutboxStore.Row seen = f.db.read(c -> store.due(c, f.clock.instant(), 10)).get(0);
    f.set(d, "status = 'REJECTED'");
    boolean taken =
        f.db.transaction(
            c -> lifecycle.claim(c, seen.draft(), "<x@example.org>", f.clock.instant(), 1));
    assertThat(taken).isFalse();
    assertThat(f.status(d)).isEqualTo(DraftStatus.REJECTED);
  }
}
