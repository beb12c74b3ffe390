package dev.rapport.doctor;

import dev.rapport.RapportException;
import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftTemplates;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.template.TemplateEngine;
import dev.rapport.template.TemplateLimitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every kind of draft for sample contacts (bare and complete, referred or not, each tier)
 * so that a broken template shows up here rather than on the day a draft is due.
 */
public final class TemplatesCheck {
  private static final OffsetDateTime T = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);

  private TemplatesCheck() {}

  public static List<Finding> run(Config config) {
    TemplateEngine engine = new TemplateEngine(config.templates());
    DraftTemplates templates = new DraftTemplates(engine, config.me());
    List<String> problems = new ArrayList<>();
    int rendered = 0;
    for (DraftKind kind : DraftKind.values()) {
      samples:
      for (Contact sample : samples()) {
        for (boolean referred : new boolean[] {false, true}) {
          try {
            if (kind == DraftKind.CONFIRM) {
              // a confirmation is about a booked interview, with or without a place
              java.util.Map<String, Object> meeting = new java.util.HashMap<>();
              meeting.put("day", "Tuesday, 8 December 2026");
              meeting.put("time", "10:00");
              meeting.put("zone", "Europe/Berlin");
              meeting.put("minutes", 30);
              if (referred) meeting.put("place", "Café Central, Herrengasse 14");
              templates.renderConfirm(sample, meeting);
            } else {
              templates.render(
                  kind,
                  sample,
                  referred ? referrer() : null,
                  sample.company() == null ? null : hypothesis());
            }
            rendered++;
          } catch (TemplateLimitException e) {
            // A runaway template fails every sample alike, each after the time limit: once is
            // enough.
            if (!problems.contains(e.getMessage())) problems.add(e.getMessage());
            break samples;
          } catch (RapportException e) {
            if (!problems.contains(e.getMessage())) problems.add(e.getMessage());
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>(sources(engine));
    if (problems.isEmpty()) {
      out.add(Finding.ok("templates", "every kind of draft renders (" + rendered + " samples)"));
      return out;
    }
    for (String p : problems) {
      out.add(
          Finding.fail(
              "templates",
              p,
              "Edit the template, or delete your files of that kind to use rapport's default again ('rapport templates export DIR' shows the defaults); templates/README.md lists the variables."));
    }
    return out;
  }

  /**
   * The folder in effect, and for each kind whether the user's files or rapport's defaults are
   * used: "outreach: yours (outreach.ftl, outreach-tier1.ftl)".
   */
  static List<Finding> sources(TemplateEngine engine) {
    Path folder = engine.folder().toAbsolutePath().normalize();
    List<Finding> out = new ArrayList<>();
    out.add(
        Finding.ok(
            "templates",
            Files.isDirectory(folder)
                ? "your folder: " + folder
                : "your folder "
                    + folder
                    + " does not exist, so every kind is rapport's default ('rapport templates"
                    + " export "
                    + folder
                    + "' copies them there to edit)"));
    if (!Files.isDirectory(folder)) return out;
    for (DraftKind kind : DraftKind.values()) {
      List<String> yours = engine.usersOfKind(kind.templateBase());
      out.add(
          Finding.ok(
              "templates",
              kind.templateBase()
                  + ": "
                  + (yours.isEmpty()
                      ? "default (in rapport)"
                      : "yours (" + String.join(", ", yours) + ")")));
    }
    return out;
  }

  private static List<Contact> samples() {
    List<Contact> out = new ArrayList<>();
    for (int tier = 1; tier <= 4; tier++) {
      out.add(
          new Contact(
              1,
              "Sam Sample",
              "sam@example.org",
              null,
              null,
              tier,
              Stage.NEW,
              0,
              null,
              null,
              null,
              T,
              T));
      out.add(
          new Contact(
              2,
              "Kim Complete",
              "kim@example.org",
              "Example Health",
              "Product Lead",
              tier,
              Stage.NEW,
              0,
              3L,
              1L,
              null,
              T,
              T));
    }
    return out;
  }

  private static Contact referrer() {
    return new Contact(
        3,
        "Ray Referrer",
        "ray@example.org",
        "Example Labs",
        null,
        2,
        Stage.THANKED,
        0,
        null,
        null,
        null,
        T,
        T);
  }

  private static Hypothesis hypothesis() {
    return new Hypothesis(
        1, "product management in health tech", Hypothesis.Status.OPEN, null, T, null);
  }
}
