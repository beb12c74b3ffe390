package dev.rapport.contact;

import static dev.rapport.contact.Stage.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.InvalidInputException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (stage, trigger) pair: the allowed moves are listed here as the spec, the rest must stay
 * put.
 */
class StageMachineTest {
  private final StageMachine machine = new StageMachine();

  private static final Map<Trigger, Map<Stage, Stage>> ALLOWED = new EnumMap<>(Trigger.class);

  static {
    allow(Trigger.OUTREACH_SENT, CONTACTED, NEW);
    allow(Trigger.NUDGE_SENT, FOLLOWED_UP, CONTACTED, FOLLOWED_UP);
    allow(Trigger.HUMAN_REPLY, REPLIED, CONTACTED, FOLLOWED_UP, NO_RESPONSE);
    allow(Trigger.NUDGES_EXHAUSTED, NO_RESPONSE, CONTACTED, FOLLOWED_UP);
    allow(
        Trigger.HARD_BOUNCE,
        BOUNCED,
        CONTACTED,
        FOLLOWED_UP,
        REPLIED,
        SCHEDULED,
        INTERVIEWED,
        THANKED,
        KEEPING_IN_TOUCH,
        NO_RESPONSE,
        DECLINED,
        PAUSED);
    allow(
        Trigger.COMPLAINT,
        PAUSED,
        NEW,
        CONTACTED,
        FOLLOWED_UP,
        REPLIED,
        SCHEDULED,
        INTERVIEWED,
        THANKED,
        KEEPING_IN_TOUCH,
        NO_RESPONSE,
        DECLINED,
        BOUNCED);
    allow(
        Trigger.INTERVIEW_SCHEDULED, SCHEDULED, NEW, CONTACTED, FOLLOWED_UP, REPLIED, NO_RESPONSE);
    allow(Trigger.INTERVIEW_CANCELLED, REPLIED, SCHEDULED);
    allow(
        Trigger.INTERVIEW_DONE,
        INTERVIEWED,
        NEW,
        CONTACTED,
        FOLLOWED_UP,
        REPLIED,
        SCHEDULED,
        NO_RESPONSE);
    allow(Trigger.THANK_YOU_SENT, THANKED, INTERVIEWED);
    allow(Trigger.KEEP_IN_TOUCH_SENT, KEEPING_IN_TOUCH, THANKED);
    allow(Trigger.ADDRESS_CORRECTED, NEW, BOUNCED);
  }

  private static void allow(Trigger trigger, Stage to, Stage... from) {
    Map<Stage, Stage> moves = ALLOWED.computeIfAbsent(trigger, t -> new EnumMap<>(Stage.class));
    for (Stage f : from) moves.put(f, to);
  }

  static Stream<Arguments> everyPair() {
    return Stream.of(Trigger.values())
        .filter(t -> t != Trigger.MANUAL)
        .flatMap(t -> Stream.of(Stage.values()).map(s -> Arguments.of(s, t)));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("everyPair")
  void automaticTriggersMoveOnlyFromTheirStages(Stage from, Trigger trigger) {
    Optional<Stage> expected =
        Optional.ofNullable(ALLOWED.getOrDefault(trigger, Map.of()).get(from));
    assertThat(machine.next(from, trigger)).isEqualTo(expected);
  }

  @Test
  void aReplyNeverMovesSomeoneAlreadyPastIt() {
    assertThat(machine.next(INTERVIEWED, Trigger.HUMAN_REPLY)).isEmpty();
    assertThat(machine.next(KEEPING_IN_TOUCH, Trigger.HUMAN_REPLY)).isEmpty();
    assertThat(machine.next(BOUNCED, Trigger.HUMAN_REPLY)).isEmpty();
  }

  static Stream<Arguments> everyManualPair() {
    return Stream.of(Stage.values())
        .flatMap(a -> Stream.of(Stage.values()).map(b -> Arguments.of(a, b)));
  }

  @ParameterizedTest(name = "by hand {0} to {1}")
  @MethodSource("everyManualPair")
  void aUserMayMoveAContactToAnyOtherStage(Stage from, Stage to) {
    if (from == to) {
      assertThatThrownBy(() -> machine.manual(from, to))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("already");
    } else {
      assertThat(machine.manual(from, to)).isEqualTo(to);
    }
  }

  @Test
  void aManualTriggerMustNameItsTarget() {
    assertThatThrownBy(() -> machine.next(NEW, Trigger.MANUAL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
