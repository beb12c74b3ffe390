package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.employer.EmployerService;
import dev.rapport.employer.EmployerSummary;
import dev.rapport.employer.SecondContact;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Target employers with {@code method: two-hour}: the list in the order {@code employers list}
 * gives (motivation, open posting, advocacy), the figures per employer, the 3B7 suggestions, and a
 * form to add one (as {@code employers add}). With the method off it says how to turn it on.
 */
final class EmployersPage {
  private final Handlers h;

  EmployersPage(Handlers h) {
    this.h = h;
  }

  void list(Context ctx) {
    Map<String, Object> m = Dashboard.model();
    boolean on = h.app.config().twoHour();
    m.put("on", on);
    if (on) {
      EmployerService employers = h.app.employers();
      List<EmployerSummary> list = employers.list();
      List<SecondContact> second = employers.secondContacts();
      m.put("employers", list);
      m.put("second", second);
    }
    h.render(ctx, "employers.ftlh", "Employers", "employers", m);
  }

  void add(Context ctx) {
    if (!h.app.config().twoHour())
      throw new InvalidInputException(
          "Employers are part of the two-hour method: set 'method: two-hour' in the config first.");
    boolean posting = "yes".equals(ctx.formParam("posting"));
    EmployerService.Added a =
        h.app.employers().add(ctx.formParam("name"), motivation(ctx), posting, null);
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Added "
                + a.employer().name()
                + "; "
                + a.linked()
                + " contact"
                + (a.linked() == 1 ? "" : "s")
                + " there linked by company."),
        "/employers");
  }

  private static Integer motivation(Context ctx) {
    String v = ctx.formParam("motivation");
    if (v == null || v.isBlank()) return null;
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Motivation is 1, 2 or 3, not \"" + v + "\".");
    }
  }
}
