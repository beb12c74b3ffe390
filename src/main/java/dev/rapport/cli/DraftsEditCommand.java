package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.RapportException;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftContent;
import dev.rapport.draft.DraftFile;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drafts edit}: the draft in the user's editor as {@code To:}, {@code Subject:}, a blank
 * line and the body. The saved file is checked before anything changes; when it is refused, the
 * draft stays as it was and the file is kept, so nothing typed is lost.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Edit a PENDING or APPROVED draft in $EDITOR (else $VISUAL, else vi).",
      "The file holds To: and Subject: lines, a blank line, then the body. An edited APPROVED draft goes back to PENDING."
    })
final class DraftsEditCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The draft's id.")
  long id;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description =
          "Continue from this file (one kept from a refused edit) instead of the draft's text.")
  Path resume;

  @Override
  public Integer call() {
    Draft seen = app().drafts().requireEditable(id);
    Path file = resume != null ? existing(resume) : newFile(seen);
    // Editing takes minutes: without a daemon this process would hold the database file all that
    // time and every other command would wait, then fail. The save checks the draft is unchanged.
    app().closeDatabase();
    try {
      new ExternalEditor(app().env()).edit(file);
    } catch (RapportException e) {
      throw new RapportException(
          e.getMessage() + " Draft " + id + " was not changed. " + kept(file), e);
    }
    DraftContent edited;
    try {
      edited = DraftFile.parse(read(file), seen.byHand());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "Draft " + id + " was not changed: " + e.getMessage() + ". " + kept(file));
    }
    Optional<Draft> saved;
    try {
      saved = app().drafts().edit(seen, edited);
    } catch (RapportException e) {
      throw new RapportException(e.getMessage() + " " + kept(file), e);
    }
    if (file.toAbsolutePath().normalize().startsWith(editsFolder())) delete(file);
    if (saved.isEmpty()) {
      out().println("No changes.");
      return 0;
    }
    out().print("Saved " + DraftViews.line(saved.get()));
    out()
        .println(
            seen.status() == DraftStatus.APPROVED
                ? "; it is PENDING again: approve it with 'drafts approve " + id + "'."
                : ".");
    return 0;
  }

  private String kept(Path file) {
    return "Your text is kept in "
        + file
        + "; continue with 'drafts edit "
        + id
        + " --file "
        + file
        + "'.";
  }

  /** Where edits are written; a file there is rapport's own and is removed once saved. */
  private Path editsFolder() {
    return app().data().editsFolder();
  }

  /** A new file under the data folder's edits/, readable by the user only from the start. */
  private Path newFile(Draft d) {
    try {
      Path dir = editsFolder();
      PrivateFiles.folder(dir);
      Path file = PrivateFiles.newTempFile(dir, "draft-" + d.id() + "-", ".txt");
      Files.writeString(file, DraftFile.write(d.content()), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new RapportException(
          "Could not write the draft to a file for editing: " + e.getMessage(), e);
    }
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file))
      throw new InvalidInputException("--file: " + file + " does not exist.");
    return file;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          "The edited file " + file + " could not be read as UTF-8 text: " + e.getMessage());
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Saved already; a leftover copy in edits/ is harmless.
    }
  }
}
