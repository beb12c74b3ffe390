package dev.rapport.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's top-level templates/ folder, copied where a test may change it. */
public final class DefaultTemplates {
  public static final Path SOURCE = Path.of("templates");

  /** The line a test's outreach has in place of the why-you placeholder. */
  public static final String WHY_YOU = "Your talk at the Navy Labs open day stayed with me.";

  private static final Pattern WHY_YOU_PLACEHOLDER = Pattern.compile("\\[\\[why you:[^\\]]*]]");

  private DefaultTemplates() {}

  /**
   * Copies every default template into {@code target} (created) and returns it, with the outreach
   * templates' {@code [[why you: ...]]} placeholder already written as {@link #WHY_YOU}: the tests
   * using this are about drafting, approving and sending, and a user approves outreach only after
   * writing that line. {@link #copyExactly} keeps the placeholder, for the tests of it.
   */
  public static Path copyTo(Path target) {
    copyExactly(target);
    try (Stream<Path> s = Files.list(target)) {
      for (Path file : s.filter(p -> p.getFileName().toString().startsWith("outreach")).toList())
        Files.writeString(
            file,
            WHY_YOU_PLACEHOLDER
                .matcher(Files.readString(file))
                .replaceAll(Matcher.quoteReplacement(WHY_YOU)));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every default template into {@code target} (created) as it is, and returns it. */
  public static Path copyExactly(Path target) {
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
