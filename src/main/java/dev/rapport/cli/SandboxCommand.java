package dev.rapport.cli;

import picocli.CommandLine.Command;

/** {@code sandbox}: what only makes sense with the embedded mail server. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Play the other side in sandbox mode (no mail account configured).",
    subcommands = {SandboxReplyCommand.class})
final class SandboxCommand {}
