package dev.rapport.template;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Copies rapport's default templates (and their README) into a folder, to edit them there. */
public final class TemplateExport {
  private final BuiltInTemplates builtIn;

  public TemplateExport(BuiltInTemplates builtIn) {
    this.builtIn = builtIn;
  }

  /**
   * Copies every default into {@code dir} (made if missing) and returns their names. Without {@code
   * overwrite}, refuses before copying anything when a file of the same name is there.
   */
  public List<String> exportTo(Path dir, boolean overwrite) {
    List<String> names = builtIn.names();
    if (!overwrite) {
      List<String> there = names.stream().filter(n -> Files.exists(dir.resolve(n))).toList();
      if (!there.isEmpty())
        throw new InvalidInputException(
            dir
                + " already has "
                + String.join(", ", there)
                + "; nothing was copied. Choose another folder, or add --force to replace "
                + (there.size() == 1 ? "it" : "them")
                + " with rapport's defaults.");
    }
    try {
      for (String name : names) {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = builtIn.open(name)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot copy the templates into " + dir + ": " + e.getMessage());
    }
    return names;
  }
}
