package dev.rapport.cli;

import dev.rapport.hypothesis.Hypothesis;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hypotheses}: the career hypotheses the conversations test. */
@Command(
    name = "hypotheses",
    mixinStandardHelpOptions = true,
    description = "Career hypotheses: add, list, show, pitch, resolve.",
    subcommands = {
      HypothesesCommand.Add.class,
      HypothesesCommand.ListAll.class,
      HypothesesShowCommand.class,
      HypothesesCommand.Pitch.class,
      HypothesesCommand.Resolve.class
    })
final class HypothesesCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a hypothesis; prints its id.")
  static final class Add extends AppCommand {
    @Parameters(
        paramLabel = "TEXT",
        arity = "1..*",
        description = "The hypothesis, e.g. \"product management in health tech\".")
    List<String> words;

    @Option(
        names = "--pitch",
        paramLabel = "P",
        description =
            "What outreach to its contacts says you are exploring, in a sentence (instead of"
                + " me.pitch), e.g. \"Ten years in hospital logistics; now looking at product roles"
                + " in health tech.\"")
    String pitch;

    @Override
    public Integer call() {
      out().println(app().hypotheses().add(String.join(" ", words), pitch).id());
      return 0;
    }
  }

  @Command(
      name = "pitch",
      mixinStandardHelpOptions = true,
      description = {
        "Set the pitch outreach to a hypothesis's contacts states, instead of me.pitch.",
        "Drafts already made keep their text; --clear goes back to me.pitch."
      })
  static final class Pitch extends AppCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The hypothesis's id.")
    long id;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "P", description = "The pitch.")
    List<String> words;

    @Option(names = "--clear", description = "Remove the pitch: its contacts get me.pitch.")
    boolean clear;

    @Override
    public Integer call() {
      boolean given = words != null && !words.isEmpty();
      if (clear == given)
        throw new dev.rapport.InvalidInputException(
            "Give the pitch, e.g. 'hypotheses pitch "
                + id
                + " \"Ten years in logistics; exploring product roles.\"', or --clear to remove it.");
      Hypothesis h = app().hypotheses().setPitch(id, clear ? null : String.join(" ", words));
      out()
          .println(
              h.pitch() == null
                  ? "Hypothesis " + h.id() + " has no pitch of its own; its outreach uses me.pitch."
                  : "Hypothesis " + h.id() + " pitch: " + h.pitch());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List hypotheses.")
  static final class ListAll extends AppCommand {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<Hypothesis> all = app().hypotheses().list();
      if (json) {
        printJson(
            all.stream()
                .map(
                    h ->
                        new HypothesisJson(
                            h.id(),
                            h.text(),
                            h.status().name(),
                            h.note(),
                            local(h.createdAt()),
                            local(h.resolvedAt()),
                            h.pitch()))
                .toList());
        return 0;
      }
      if (all.isEmpty()) {
        out()
            .println(
                "No hypotheses yet. Add one with 'hypotheses add \"product management in health tech\"'.");
        return 0;
      }
      TextTable table = new TextTable(60, "ID", "STATUS", "CONTACTS", "HYPOTHESIS", "NOTE");
      for (Hypothesis h : all)
        table.row(h.id(), h.status(), app().hypotheses().contactCount(h.id()), h.text(), h.note());
      table.print(out());
      return 0;
    }
  }

  record HypothesisJson(
      long id,
      String text,
      String status,
      String note,
      java.time.OffsetDateTime createdAt,
      java.time.OffsetDateTime resolvedAt,
      String pitch) {}

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = "Mark a hypothesis validated or disproved.")
  static final class Resolve extends AppCommand {
    @Parameters(paramLabel = "ID")
    long id;

    static final class Verdict {
      @Option(names = "--validated", required = true)
      boolean validated;

      @Option(names = "--disproved", required = true)
      boolean disproved;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    @Option(names = "--note", paramLabel = "TEXT", description = "What settled it.")
    String note;

    @Override
    public Integer call() {
      Hypothesis.Status status =
          verdict.validated ? Hypothesis.Status.VALIDATED : Hypothesis.Status.DISPROVED;
      Hypothesis h = app().hypotheses().resolve(id, status, note);
      out()
          .printf(
              "Hypothesis %d is %s.%n",
              h.id(), h.status().name().toLowerCase(java.util.Locale.ROOT));
      return 0;
    }
  }
}
