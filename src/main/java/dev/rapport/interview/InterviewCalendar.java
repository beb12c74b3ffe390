package dev.rapport.interview;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) through ical4j: an interview written as an {@code .ics} invitation, and the
 * start, length and place read from an invitation a contact sent ({@code METHOD:REQUEST}).
 */
public final class InterviewCalendar {
  private static final String PRODUCT = "-//rapport//interviews//EN";

  /** An invitation's event: its UID, and when and where. */
  public record Invitation(String uid, Slot slot) {}

  private InterviewCalendar() {}

  /**
   * An invitation to {@code i}, from the user to the contact. Times are written in UTC, which every
   * calendar reads without a time-zone definition.
   */
  public static String write(
      Interview i, String contactName, String contactEmail, String myName, String myEmail) {
    Instant start = i.startsAt().toInstant();
    VEvent event =
        new VEvent(
            start, Duration.ofMinutes(i.minutes()), "Informational interview with " + contactName);
    event.add(new Uid("interview-" + i.id() + "-" + start.getEpochSecond() + "@rapport"));
    if (i.place() != null) event.add(new Location(i.place()));
    Organizer organizer = new Organizer("mailto:" + myEmail);
    organizer.add(new Cn(myName));
    event.add(organizer);
    Attendee attendee = new Attendee("mailto:" + contactEmail);
    attendee.add(new Cn(contactName));
    event.add(attendee);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method(Method.VALUE_REQUEST));
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a calendar to a string", e);
    }
    return out.toString();
  }

  /**
   * The event of a {@code METHOD:REQUEST} invitation, or empty when the text is no invitation, or
   * its event has no start time of day (an all-day event is not an interview). A floating time is
   * read in {@code floatingZone}.
   */
  public static Optional<Invitation> readInvitation(String ics, ZoneId floatingZone) {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(ics));
    } catch (IOException | ParserException | RuntimeException e) {
      return Optional.empty();
    }
    Optional<Method> method = calendar.getProperty(Property.METHOD);
    if (method.isEmpty()
        || !Method.VALUE_REQUEST.equalsIgnoreCase(method.get().getValue().strip())) {
      return Optional.empty();
    }
    Optional<VEvent> first = calendar.getComponent("VEVENT");
    if (first.isEmpty()) return Optional.empty();
    VEvent event = first.get();
    Optional<ZonedDateTime> start = time(event, Property.DTSTART, floatingZone);
    if (start.isEmpty()) return Optional.empty();
    Optional<ZonedDateTime> end = time(event, Property.DTEND, floatingZone);
    long minutes = Slot.DEFAULT_MINUTES;
    Optional<Property> duration = event.getProperty(Property.DURATION);
    if (end.isPresent()) {
      minutes = Duration.between(start.get(), end.get()).toMinutes();
    } else if (duration.isPresent()) {
      try {
        minutes = Duration.parse(duration.get().getValue().strip()).toMinutes();
      } catch (RuntimeException e) {
        minutes = Slot.DEFAULT_MINUTES;
      }
    }
    minutes = Math.max(5, Math.min(480, minutes));
    String uid = event.getProperty(Property.UID).map(Property::getValue).orElse(null);
    String place =
        event
            .getProperty(Property.LOCATION)
            .map(Property::getValue)
            .map(p -> p.length() > 500 ? p.substring(0, 500) : p)
            .orElse(null);
    return Optional.of(new Invitation(uid, new Slot(start.get(), (int) minutes, place)));
  }

  /** A date-time property as a zoned time; empty when absent or a date without a time. */
  private static Optional<ZonedDateTime> time(VEvent event, String name, ZoneId floatingZone) {
    Optional<DateProperty<Temporal>> p = event.getProperty(name);
    return p.map(d -> zoned(d.getDate(), floatingZone));
  }

  private static ZonedDateTime zoned(Temporal t, ZoneId floatingZone) {
    if (t instanceof ZonedDateTime z) return z;
    if (t instanceof OffsetDateTime o) return o.toZonedDateTime();
    if (t instanceof Instant i) return i.atZone(ZoneOffset.UTC);
    if (t instanceof LocalDateTime l) return l.atZone(floatingZone);
    return null; // a date without a time
  }

  /** The file name an interview's invitation is offered under. */
  static String fileName(Interview i) {
    return ("interview-" + i.id() + ".ics").toLowerCase(Locale.ROOT);
  }
}
