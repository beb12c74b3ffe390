package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendWindowTest {
  final SendWindow office = OutboxFixture.office(20);

  @Test
  void insideTheWindowOnAWeekdayIsNow() {
    assertThat(office.nextAllowed(berlin("2026-11-25T13:00"), 3))
        .isEqualTo(berlin("2026-11-25T13:00"));
  }

  @Test
  void beforeTheWindowWaitsForItsStartTheSameDay() {
    assertThat(office.nextAllowed(berlin("2026-11-25T06:10"), 0))
        .isEqualTo(berlin("2026-11-25T09:00"));
  }

  @Test
  void atItsEndOrAfterWaitsForTheNextDay() {
    assertThat(office.nextAllowed(berlin("2026-11-25T17:30"), 0))
        .isEqualTo(berlin("2026-11-26T09:00"));
    assertThat(office.nextAllowed(berlin("2026-11-25T23:59"), 0))
        .isEqualTo(berlin("2026-11-26T09:00"));
  }

  @Test
  void fridayEveningAndWeekendsWaitForMonday() {
    assertThat(office.nextAllowed(berlin("2026-11-27T18:00"), 0))
        .isEqualTo(berlin("2026-11-30T09:00"));
    assertThat(office.nextAllowed(berlin("2026-11-29T10:00"), 0))
        .isEqualTo(berlin("2026-11-30T09:00"));
  }

  @Test
  void weekendsAreFineWhenNotWeekdaysOnly() {
    SendWindow any =
        new SendWindow(
            20,
            java.time.LocalTime.of(9, 0),
            java.time.LocalTime.of(17, 30),
            false,
            OutboxFixture.BERLIN);
    assertThat(any.nextAllowed(berlin("2026-11-29T10:00"), 0))
        .isEqualTo(berlin("2026-11-29T10:00"));
  }

  @Test
  void theDaysCapWaitsForTheNextAllowedDay() {
    assertThat(office.nextAllowed(berlin("2026-11-25T10:00"), 20))
        .isEqualTo(berlin("2026-11-26T09:00"));
    assertThat(office.nextAllowed(berlin("2026-11-27T10:00"), 20))
        .isEqualTo(berlin("2026-11-30T09:00"));
    assertThat(office.leftToday(18)).isEqualTo(2);
  }

  @Test
  void theDayIsTheUsersDayAcrossASummerTimeChange() {
    assertThat(office.dayStart(berlin("2026-03-29T12:00"))).isEqualTo(berlin("2026-03-29T00:00"));
    assertThat(office.nextAllowed(berlin("2026-03-27T18:00"), 0))
        .isEqualTo(berlin("2026-03-30T09:00"));
  }

  @Test
  void theSandboxNeverWaits() {
    SendWindow sandbox = SendWindow.unlimited(OutboxFixture.BERLIN);
    assertThat(sandbox.nextAllowed(berlin("2026-11-29T03:00"), 10_000))
        .isEqualTo(berlin("2026-11-29T03:00"));
  }
}
