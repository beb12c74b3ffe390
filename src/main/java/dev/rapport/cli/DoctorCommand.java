package dev.rapport.cli;

import dev.rapport.config.Config;
import dev.rapport.config.ConfigException;
import dev.rapport.doctor.ConfigCheck;
import dev.rapport.doctor.DatabaseCheck;
import dev.rapport.doctor.Finding;
import dev.rapport.doctor.ImapCheck;
import dev.rapport.doctor.OutboxCheck;
import dev.rapport.doctor.PauseCheck;
import dev.rapport.doctor.PlacesCheck;
import dev.rapport.doctor.ScheduleCheck;
import dev.rapport.doctor.SignInCheck;
import dev.rapport.doctor.TemplatesCheck;
import dev.rapport.schedule.ScheduleRunner;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: checks config, templates and database, and says what is wrong and how to fix it.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check config, templates, database, scheduler and mail; say what is wrong and how to fix it.")
final class DoctorCommand extends AppCommand {
  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(
      names = "--repair-schedule",
      description =
          "Rebuild the scheduler's stored triggers from the database (what is due is always read from the database; the triggers only wake the scheduler).")
  boolean repairSchedule;

  @Override
  public Integer call() {
    List<Finding> findings = new ArrayList<>();
    Config config;
    try {
      config = root().config();
    } catch (ConfigException e) {
      findings.addAll(PlacesCheck.run(root().places(), null));
      findings.add(
          Finding.fail(
              "config",
              e.getMessage(),
              "Compare with config/rapport.example.yaml, which documents every key."));
      print(findings);
      return Cli.FAILED;
    }
    findings.addAll(PlacesCheck.run(root().places(), config));
    findings.addAll(ConfigCheck.run(config, app().env()));
    findings.addAll(TemplatesCheck.run(config));
    findings.addAll(DatabaseCheck.run(app().data(), () -> app().database()));
    if (findings.stream()
        .noneMatch(f -> f.check().equals("database") && f.verdict() == Finding.Verdict.FAIL))
      findings.addAll(PauseCheck.run(() -> app().pauses(), config.pacing().timezone()));
    if (repairSchedule
        && findings.stream()
            .noneMatch(f -> f.check().equals("database") && f.verdict() == Finding.Verdict.FAIL)) {
      ScheduleRunner.repair(
          app().database(),
          app().schedule(() -> true, () -> null),
          ScheduleRunner.sweepEvery(config.cadence().followUpAfter()));
      findings.add(Finding.ok("scheduler", "stored triggers rebuilt from the database"));
    }
    findings.addAll(
        ScheduleCheck.run(
            () -> app().database(),
            () -> app().schedule(() -> true, () -> null),
            config.pacing().timezone()));
    List<Finding> signIn = SignInCheck.run(config, app().data().path());
    findings.addAll(signIn);
    // Without a sign-in the logins can only fail the same way: the oauth2 line says what to do.
    boolean signedIn = signIn.stream().noneMatch(f -> f.verdict() == Finding.Verdict.FAIL);
    findings.addAll(
        OutboxCheck.run(
            signedIn ? config : withoutMail(config),
            app().env(),
            () -> app().outbox(),
            app().bearerToken()));
    if (signedIn)
      config
          .mail()
          .ifPresent(
              m -> findings.addAll(ImapCheck.run(m.imap(), app().env(), app().bearerToken())));
    print(findings);
    return findings.stream().anyMatch(f -> f.verdict() == Finding.Verdict.FAIL) ? Cli.FAILED : 0;
  }

  private static Config withoutMail(Config c) {
    return new Config(
        c.me(),
        java.util.Optional.empty(),
        c.cadence(),
        c.pacing(),
        c.digest(),
        c.templates(),
        c.dashboard(),
        c.source());
  }

  private void print(List<Finding> findings) {
    if (json) {
      printJson(findings);
      return;
    }
    for (Finding f : findings) {
      out()
          .printf(
              "%-4s  %-14s %s%n",
              f.verdict() == Finding.Verdict.OK ? "ok" : f.verdict().name(),
              f.check(),
              f.message());
      if (f.fix() != null) out().printf("%-4s  %-14s fix: %s%n", "", "", f.fix());
    }
    long failed = findings.stream().filter(f -> f.verdict() == Finding.Verdict.FAIL).count();
    out().println(failed == 0 ? "All checks passed." : failed + " check(s) failed.");
  }
}
