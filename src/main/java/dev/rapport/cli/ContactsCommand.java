package dev.rapport.cli;

import picocli.CommandLine.Command;

/** {@code contacts}: the people to talk to. */
@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = "Add, import, list, show, move, annotate and mark contacts.",
    subcommands = {
      ContactsAddCommand.class,
      ContactsImportCommand.class,
      ContactsListCommand.class,
      ContactsShowCommand.class,
      ContactsStageCommand.class,
      ContactsDeclineCommand.class,
      ContactsReplyCommand.class,
      ContactsNoteCommand.class,
      ContactsKeepCommand.class,
      ContactsTimezoneCommand.class,
      ContactsEditCommand.class
    })
final class ContactsCommand {}
