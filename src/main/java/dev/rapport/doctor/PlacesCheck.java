package dev.rapport.doctor;

import dev.rapport.config.Config;
import dev.rapport.config.Places;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which config file, data folder and templates folder are in effect, and why (docs/PLACES.md). */
public final class PlacesCheck {
  private PlacesCheck() {}

  /** {@code config} is null when it could not be read. */
  public static List<Finding> run(Places places, Config config) {
    List<Finding> out = new ArrayList<>();
    out.add(
        Finding.ok(
            "places",
            "config file: "
                + places.config().map(PlacesCheck::shown).orElse("none")
                + " ("
                + places.configWhy()
                + ")"));
    out.add(
        Finding.ok(
            "places", "data folder: " + shown(places.data()) + " (" + places.dataWhy() + ")"));
    if (config != null) {
      out.add(
          Finding.ok(
              "places",
              "templates folder: "
                  + shown(config.templates())
                  + (places.templatesBase() == null
                      ? " (a relative 'templates:' is read from the working directory)"
                      : " (a relative 'templates:' is read from " + places.templatesBase() + ")")));
    }
    return out;
  }

  private static String shown(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }
}
