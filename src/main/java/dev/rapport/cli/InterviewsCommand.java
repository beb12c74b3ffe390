package dev.rapport.cli;

import picocli.CommandLine.Command;

/** {@code interviews}: the conversations all the email is for. */
@Command(
    name = "interviews",
    mixinStandardHelpOptions = true,
    description =
        "Interviews: schedule, reschedule, cancel, mark done, take notes, list, compare answers.",
    subcommands = {
      InterviewsScheduleCommand.class,
      InterviewsRescheduleCommand.class,
      InterviewsCancelCommand.class,
      InterviewsDoneCommand.class,
      InterviewsNotesCommand.class,
      InterviewsThankCommand.class,
      InterviewsCardSentCommand.class,
      InterviewsListCommand.class,
      InterviewsShowCommand.class,
      InterviewsCompareCommand.class
    })
final class InterviewsCommand {}
