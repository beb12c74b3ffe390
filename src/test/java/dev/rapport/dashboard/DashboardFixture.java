package dev.rapport.dashboard;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.contact.NewContact;
import dev.rapport.store.DataFolder;
import dev.rapport.store.LoopbackOnly;
import dev.rapport.template.DefaultTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A data folder with the default templates and a sandbox config, an {@link App} over it, and the
 * dashboard on a free port of 127.0.0.1 — the daemon's dashboard without the mail parts.
 */
final class DashboardFixture implements AutoCloseable {
  static {
    LoopbackOnly.configure();
  }

  final App app;
  final Dashboard dashboard;

  DashboardFixture(Path dir) {
    this(dir, "");
  }

  /** With more top-level config sections, e.g. a {@code cadence:} block. */
  DashboardFixture(Path dir, String moreConfig) {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    try {
      Files.writeString(
          config,
          """
          me:
            name: Sam Rivera
            email: sam@example.org
            signature: Sam
          pacing:
            timezone: Europe/Berlin
            weekly_goal: 3
          templates: "%s"
          """
                  .formatted(templates)
              + moreConfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DataFolder data = new DataFolder(dir.resolve("data"));
    data.create();
    app = new App(ConfigLoader.load(config, true), data, Clock.systemUTC(), Map.of());
    dashboard = new Dashboard(app, 0, Optional::empty);
    dashboard.start();
  }

  long contact(String name, String email, int tier) {
    return app.contacts()
        .add(
            new NewContact(
                name, email, "Acme Health", "Product lead", tier, null, null, null, null))
        .id();
  }

  long outreach(long contactId) {
    return app.drafts().outreach(contactId, false).id();
  }

  /** A browser's session, started at the address with the token. */
  DashboardClient client() throws Exception {
    return new DashboardClient(this);
  }

  String url(String path) {
    return "http://127.0.0.1:" + dashboard.port() + path;
  }

  @Override
  public void close() {
    dashboard.stop();
    app.close();
  }
}
