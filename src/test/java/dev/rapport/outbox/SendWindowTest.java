package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
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

  @Nested
  class InTheContactsZone {
    final ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    final ZoneId newYork = ZoneId.of("America/New_York");

    Instant at(String local, ZoneId zone) {
      return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void tenInTheMorningInBerlinIsEveningInTokyoSoTheNoteWaitsForNineThere() {
      // Monday 10:00 in Berlin is 18:00 in Tokyo: after the window there.
      assertThat(office.nextAllowed(berlin("2026-11-23T10:00"), 0, tokyo))
          .isEqualTo(at("2026-11-24T09:00", tokyo))
          .isEqualTo(berlin("2026-11-24T01:00"));
    }

    @Test
    void theWindowIsOpenInTheirAfternoonWhenTheUsersHasClosed() {
      // Friday 20:00 in Berlin is 14:00 in New York.
      assertThat(office.nextAllowed(berlin("2026-11-27T20:00"), 0, newYork))
          .isEqualTo(berlin("2026-11-27T20:00"));
      assertThat(office.nextAllowed(berlin("2026-11-27T20:00"), 0, null))
          .as("no zone of their own: the user's window")
          .isEqualTo(berlin("2026-11-30T09:00"));
    }

    @Test
    void weekdaysAreTheirWeekdays() {
      // Friday 20:00 in Berlin is already Saturday 04:00 in Tokyo: Monday 09:00 there.
      assertThat(office.nextAllowed(berlin("2026-11-27T20:00"), 0, tokyo))
          .isEqualTo(at("2026-11-30T09:00", tokyo));
      // Sunday 23:30 in Berlin is Monday 07:30 in Tokyo: 09:00 that Monday.
      assertThat(office.nextAllowed(berlin("2026-11-29T23:30"), 0, tokyo))
          .isEqualTo(at("2026-11-30T09:00", tokyo));
    }

    @Test
    void theCapIsCountedInTheUsersDay() {
      // Wednesday 15:00 in Berlin (09:00 in New York) with the cap reached: not before Thursday
      // begins in Berlin (Wednesday 18:00 in New York, after their window), so Thursday 09:00
      // there.
      assertThat(office.nextAllowed(berlin("2026-11-25T15:00"), 20, newYork))
          .isEqualTo(at("2026-11-26T09:00", newYork));
      assertThat(office.nextAllowed(berlin("2026-11-25T15:00"), 19, newYork))
          .isEqualTo(berlin("2026-11-25T15:00"));
    }

    @Test
    void theSandboxNeverWaitsInAnyZone() {
      SendWindow sandbox = SendWindow.unlimited(OutboxFixture.BERLIN);
      assertThat(sandbox.nextAllowed(berlin("2026-11-29T03:00"), 10_000, tokyo))
          .isEqualTo(berlin("2026-11-29T03:00"));
    }
  }
}
