package dev.rapport.template;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's templates folder over rapport's defaults, kind by kind: when the folder has any file
 * of a kind ({@code outreach.ftl}, {@code outreach-tier1.ftl}, ...), only the user's files are used
 * for that kind, so a rewritten {@code outreach.ftl} is never bypassed by a default variant such as
 * {@code outreach-tier1.ftl}; a kind the folder has nothing of comes from rapport. The folder may
 * be missing (then everything is a default), and may appear, change or go while rapport runs:
 * FreeMarker asks again after its update delay, and a source that changed layers is reloaded.
 */
final class LayeredTemplateLoader implements TemplateLoader {
  private final Path folder;
  private final BuiltInTemplates builtIn;
  private final ClassTemplateLoader defaults;
  private FileTemplateLoader user;

  /** Where a template came from, and the loader's own source object (compared by FreeMarker). */
  record Source(boolean users, Object inner) {}

  LayeredTemplateLoader(Path folder, BuiltInTemplates builtIn) {
    this.folder = folder;
    this.builtIn = builtIn;
    this.defaults = new ClassTemplateLoader(builtIn.classLoader(), BuiltInTemplates.ROOT);
    // Inside a jar, a connection without the JVM's cache would read the jar's index every time.
    this.defaults.setURLConnectionUsesCaches(true);
  }

  @Override
  public Object findTemplateSource(String name) throws IOException {
    if (fromUser(name)) {
      FileTemplateLoader files = userLoader();
      Object found = files == null ? null : files.findTemplateSource(name);
      return found == null ? null : new Source(true, found);
    }
    Object found = defaults.findTemplateSource(name);
    return found == null ? null : new Source(false, found);
  }

  /**
   * True when {@code name} is looked up in the user's folder: the folder has that file, or any file
   * of its kind, or rapport has no default of that name (a missing file is missing there).
   */
  boolean fromUser(String name) {
    if (!builtIn.has(name)) return true;
    if (Files.isRegularFile(folder.resolve(name))) return true;
    return !usersOfKind(builtIn.kindOf(name)).isEmpty();
  }

  /** The user's template files of a kind, the plain one first; empty without a folder. */
  List<String> usersOfKind(String kind) {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".ftl") && builtIn.kindOf(n).equals(kind))
          .filter(n -> Files.isRegularFile(folder.resolve(n)))
          // the plain file first: outreach.ftl, then outreach-referred.ftl, outreach-tier1.ftl
          .sorted(Comparator.comparing((String n) -> n.substring(0, n.length() - ".ftl".length())))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** FileTemplateLoader refuses names that resolve outside the folder, symbolic links included. */
  private synchronized FileTemplateLoader userLoader() throws IOException {
    if (user == null && Files.isDirectory(folder)) user = new FileTemplateLoader(folder.toFile());
    return user;
  }

  @Override
  public long getLastModified(Object source) {
    Source s = (Source) source;
    return loaderOf(s).getLastModified(s.inner());
  }

  @Override
  public Reader getReader(Object source, String encoding) throws IOException {
    Source s = (Source) source;
    return loaderOf(s).getReader(s.inner(), encoding);
  }

  @Override
  public void closeTemplateSource(Object source) throws IOException {
    Source s = (Source) source;
    loaderOf(s).closeTemplateSource(s.inner());
  }

  private TemplateLoader loaderOf(Source s) {
    return s.users() ? user : defaults;
  }
}
