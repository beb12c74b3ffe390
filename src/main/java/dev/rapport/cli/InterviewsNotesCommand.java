package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.interview.Interview;
import dev.rapport.interview.NotesFile;
import dev.rapport.interview.NotesService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interviews notes CONTACT [--file F]}: what the interview taught, question by question on
 * standard input or from a YAML file (docs/INTERVIEWS.md). Added to earlier notes, never replacing
 * them; nothing is saved when anything is refused.
 */
@Command(
    name = "notes",
    mixinStandardHelpOptions = true,
    description =
        "Record answers per question, notes, highlight, reflection and referrals for a contact's"
            + " latest interview: asked one by one, or read from a YAML file.")
final class InterviewsNotesCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Option(
      names = "--file",
      paramLabel = "F",
      description =
          "A YAML file of notes (see docs/INTERVIEWS.md) instead of questions asked here.")
  Path file;

  @Override
  public Integer call() {
    NotesService notes = app().notes();
    var before = app().interviews().heldFacts(contactId);
    NotesService.Recorded r;
    if (file != null) {
      String yaml = read(file);
      r = notes.record(contactId, set -> NotesFile.parse(yaml, set, file.toString()));
    } else {
      NotesService.Target t = notes.target(contactId);
      Interview i = t.interview();
      out()
          .printf(
              "Notes on interview %d with %s (%s).%n",
              i.id(), t.contact().name(), shown(i.startsAt()));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(root().in(), StandardCharsets.UTF_8));
      var asked = new NotesPrompt(in, out()).ask(t.questions());
      r = notes.record(contactId, set -> asked);
    }
    out().printf("Saved notes on interview %d: %d answer(s).%n", r.interview().id(), r.answers());
    app()
        .drafts()
        .followNotes(contactId, before, app().interviews().heldFacts(contactId))
        .ifPresent(
            d ->
                out()
                    .printf(
                        "Thank-you draft %d now says what your notes say (highlight,"
                            + " introductions): 'drafts show %d'.%n",
                        d.id(), d.id()));
    for (NotesService.ReferralOutcome o : r.referrals()) {
      out()
          .printf(
              o.created()
                  ? "Referral %s added as contact %d; draft outreach with 'outreach %d'.%n"
                  : "Referral %s is already contact %d; linked to it.%n",
              o.name(),
              o.contactId(),
              o.contactId());
    }
    return 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("The notes file " + file + " does not exist.");
    } catch (IOException e) {
      throw new InvalidInputException(
          "The notes file " + file + " cannot be read: " + e.getMessage());
    }
  }
}
