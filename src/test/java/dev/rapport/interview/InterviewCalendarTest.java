package dev.rapport.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InterviewCalendarTest {
  private static String ics(String method, String start, String end) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Cal//EN\r\nMETHOD:"
        + method
        + "\r\nBEGIN:VEVENT\r\nUID:evt-1@corp.test\r\nDTSTAMP:20261102T100000Z\r\n"
        + start
        + "\r\n"
        + end
        + "\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @Test
  void readsStartLengthAndUidOfARequest() {
    var i =
        InterviewCalendar.readInvitation(
                ics("REQUEST", "DTSTART:20261110T150000Z", "DTEND:20261110T154500Z"),
                ZoneId.of("UTC"))
            .orElseThrow();
    assertThat(i.uid()).isEqualTo("evt-1@corp.test");
    assertThat(i.slot().start().toInstant()).isEqualTo(Instant.parse("2026-11-10T15:00:00Z"));
    assertThat(i.slot().minutes()).isEqualTo(45);
  }

  @Test
  void readsAZonedStartAndAFloatingOne() {
    var zoned =
        InterviewCalendar.readInvitation(
                ics("REQUEST", "DTSTART;TZID=Europe/Berlin:20261110T150000", "DURATION:PT1H"),
                ZoneId.of("UTC"))
            .orElseThrow();
    assertThat(zoned.slot().start().toInstant()).isEqualTo(Instant.parse("2026-11-10T14:00:00Z"));
    assertThat(zoned.slot().minutes()).isEqualTo(60);
    var floating =
        InterviewCalendar.readInvitation(
                ics("REQUEST", "DTSTART:20261110T150000", "DURATION:PT20M"),
                ZoneId.of("America/New_York"))
            .orElseThrow();
    assertThat(floating.slot().start().toInstant())
        .isEqualTo(Instant.parse("2026-11-10T20:00:00Z"));
  }

  @Test
  void ignoresWhatIsNoInvitation() {
    assertThat(
            InterviewCalendar.readInvitation(
                ics("CANCEL", "DTSTART:20261110T150000Z", "DURATION:PT1H"), ZoneId.of("UTC")))
        .isEmpty();
    assertThat(
            InterviewCalendar.readInvitation(
                ics("REQUEST", "DTSTART;VALUE=DATE:20261110", "DURATION:P1D"), ZoneId.of("UTC")))
        .isEmpty();
    assertThat(InterviewCalendar.readInvitation("not a calendar", ZoneId.of("UTC"))).isEmpty();
  }
}
