package dev.rapport.cli;

import picocli.CommandLine.Command;

/** Every top-level command, in the order {@code --help} lists them (RapportCommand's mixin). */
@Command(
    subcommands = {
      RunCommand.class,
      SyncCommand.class,
      DoctorCommand.class,
      LoginCommand.class,
      DashboardCommand.class,
      ContactsCommand.class,
      HypothesesCommand.class,
      OutreachCommand.class,
      DraftsCommand.class,
      StatsCommand.class,
      NextCommand.class,
      EmployersCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      SandboxCommand.class,
      QuestionsCommand.class,
      InterviewsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ServiceCommand.class,
      TemplatesCommand.class,
      SetupCommand.class
    })
final class CommandList {}
