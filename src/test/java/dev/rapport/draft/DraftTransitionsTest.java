package dev.rapport.draft;

import static dev.rapport.draft.DraftStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DraftTransitionsTest {
  /** The table as PRODUCT.md and docs/DRAFTS.md describe it, written out once more by hand. */
  static final Map<DraftStatus, Set<DraftStatus>> EXPECTED = new EnumMap<>(DraftStatus.class);

  static {
    EXPECTED.put(PENDING, EnumSet.of(APPROVED, REJECTED, CANCELLED, SENT));
    EXPECTED.put(APPROVED, EnumSet.of(PENDING, SENDING, REJECTED, CANCELLED, FAILED, SENT));
    EXPECTED.put(SENDING, EnumSet.of(SENT, APPROVED, FAILED, UNCERTAIN));
    EXPECTED.put(UNCERTAIN, EnumSet.of(SENT, APPROVED));
    EXPECTED.put(FAILED, EnumSet.of(APPROVED));
    EXPECTED.put(SENT, EnumSet.noneOf(DraftStatus.class));
    EXPECTED.put(REJECTED, EnumSet.noneOf(DraftStatus.class));
    EXPECTED.put(CANCELLED, EnumSet.noneOf(DraftStatus.class));
  }

  @Test
  void everyTransitionInTheTableIsAllowedAndNoOther() {
    for (DraftStatus from : DraftStatus.values()) {
      assertThat(DraftTransitions.next(from)).as("from " + from).isEqualTo(EXPECTED.get(from));
      for (DraftStatus to : DraftStatus.values()) {
        boolean expected = EXPECTED.get(from).contains(to);
        assertThat(DraftTransitions.allowed(from, to)).as(from + " → " + to).isEqualTo(expected);
        if (expected) DraftTransitions.check(from, to); // does not throw
        else
          assertThatThrownBy(() -> DraftTransitions.check(from, to))
              .as(from + " → " + to)
              .isInstanceOf(DraftStateException.class);
      }
    }
  }

  @Test
  void aRefusedTransitionSaysWhereTheDraftMayGoInstead() {
    assertThatThrownBy(() -> DraftTransitions.check(UNCERTAIN, SENDING))
        .isInstanceOf(DraftStateException.class)
        .hasMessage(
            "A draft cannot go from UNCERTAIN to SENDING; from UNCERTAIN it goes only to"
                + " APPROVED, SENT.");
  }

  @Test
  void aFinalStatusGoesNowhere() {
    assertThatThrownBy(() -> DraftTransitions.check(SENT, PENDING))
        .isInstanceOf(DraftStateException.class)
        .hasMessage("A draft cannot go from SENT to PENDING; SENT is final.");
  }

  @Test
  void aWriteIsGuardedByTheStatusesItLeaves() {
    assertThat(DraftTransitions.guard(SENDING, APPROVED)).isEqualTo("status = 'APPROVED'");
    assertThat(DraftTransitions.guard(SENT, SENDING, UNCERTAIN))
        .isEqualTo("status IN ('SENDING', 'UNCERTAIN')");
    // staying PENDING (an edit) is no move; coming back from APPROVED is one
    assertThat(DraftTransitions.guard(PENDING, PENDING, APPROVED))
        .isEqualTo("status IN ('PENDING', 'APPROVED')");
  }

  @Test
  void aWriteTheTableRefusesCannotBeGuarded() {
    // e.g. a resend of a SENT draft: the guard is never built, so the SQL is never written
    assertThatThrownBy(() -> DraftTransitions.guard(APPROVED, UNCERTAIN, SENT))
        .isInstanceOf(DraftStateException.class)
        .hasMessageContaining("from SENT to APPROVED");
  }
}
