package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A contact's time zone as the user gives it: an IANA name such as Europe/Paris. */
public final class TimeZones {
  private TimeZones() {}

  /** The zone named {@code given}, or a refusal naming the bad value. */
  public static ZoneId parse(String given) {
    String name = given == null ? "" : given.strip();
    if (name.isEmpty()) throw new InvalidInputException("timezone: no time zone given");
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "timezone: \""
              + name
              + "\" is not a time zone; expected a name such as Europe/Paris or America/New_York");
    }
  }
}
