package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.dashboard.Dashboard;
import picocli.CommandLine.Command;

/** {@code dashboard}: prints the address that opens the dashboard again, token included. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Print the address that opens the dashboard of 'run' (as its banner does).",
      "It holds the token from dashboard.secret in the data folder: keep it to yourself."
    })
final class DashboardCommand extends AppCommand {
  @Override
  public Integer call() {
    App app = app();
    out()
        .println(Dashboard.loginUrl(app.config().dashboard().port(), app.data().dashboardSecret()));
    return 0;
  }
}
