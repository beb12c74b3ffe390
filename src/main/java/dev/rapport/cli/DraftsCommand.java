package dev.rapport.cli;

import picocli.CommandLine.Command;

/** {@code drafts}: the review queue. */
@Command(
    name = "drafts",
    mixinStandardHelpOptions = true,
    description =
        "Review drafts: list, show, edit, approve, reject, resolve. Nothing is sent that you did not approve.",
    subcommands = {
      DraftsListCommand.class,
      DraftsShowCommand.class,
      DraftsEditCommand.class,
      DraftsApproveCommand.class,
      DraftsRejectCommand.class,
      DraftsResolveCommand.class,
      DraftsMarkSentCommand.class
    })
final class DraftsCommand {}
