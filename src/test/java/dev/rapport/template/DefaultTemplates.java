package dev.rapport.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's top-level templates/ folder, copied where a test may change it. */
public final class DefaultTemplates {
  public static final Path SOURCE = Path.of("templates");

  private DefaultTemplates() {}

  /** Copies every default template into {@code target} (created) and returns it. */
  public static Path copyTo(Path target) {
    try {
      Files.createDirectories(target);
      for (Path file : files()) Files.copy(file, target.resolve(file.getFileName()));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The .ftl files of the defaults. */
  public static List<Path> files() {
    try (Stream<Path> s = Files.list(SOURCE)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ftl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
