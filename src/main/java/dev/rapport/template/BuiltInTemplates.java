package dev.rapport.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The default templates inside rapport: the repository's {@code templates/} folder, packaged into
 * the jar at build time (pom.xml, resources). Nothing here names a file: a template added to that
 * folder is a default with no change to the code.
 *
 * <p>The defaults also say what a <em>kind</em> of template is: the kind of {@code
 * outreach-tier1.ftl} is {@code outreach}, the shortest start of its name, cut at a dash, that is a
 * default of its own ({@code outreach.ftl}). A file in the user's folder overrides its kind.
 */
public final class BuiltInTemplates {
  /** Where they are on the class path. */
  static final String ROOT = "templates/";

  /** A file every build has, to find the jar or folder the others are in. */
  private static final String ANCHOR = "README.md";

  private static final BuiltInTemplates STANDARD =
      new BuiltInTemplates(BuiltInTemplates.class.getClassLoader());

  private final ClassLoader loader;
  private final Map<String, String> kinds = new ConcurrentHashMap<>();
  private final Map<String, Boolean> present = new ConcurrentHashMap<>();

  BuiltInTemplates(ClassLoader loader) {
    this.loader = loader;
  }

  /** The defaults packaged with this rapport. */
  public static BuiltInTemplates standard() {
    return STANDARD;
  }

  ClassLoader classLoader() {
    return loader;
  }

  /** True when rapport has a default of this name. */
  public boolean has(String name) {
    // Asked for every draft; a look-up in the jar each time cost more than rendering it.
    return present.computeIfAbsent(name, n -> loader.getResource(ROOT + n) != null);
  }

  /**
   * The kind a template name belongs to: {@code follow-up} for {@code follow-up-tier2.ftl}; a name
   * that starts no default's kind (an included file, a folder) is a kind of its own.
   */
  public String kindOf(String name) {
    return kinds.computeIfAbsent(name, this::findKind);
  }

  private String findKind(String name) {
    if (!name.endsWith(".ftl") || name.contains("/")) return name;
    String base = name.substring(0, name.length() - ".ftl".length());
    for (int dash = base.indexOf('-'); dash > 0; dash = base.indexOf('-', dash + 1)) {
      String prefix = base.substring(0, dash);
      if (has(prefix + ".ftl")) return prefix;
    }
    return base;
  }

  /** The default, to copy out. */
  public InputStream open(String name) throws IOException {
    InputStream in = loader.getResourceAsStream(ROOT + name);
    if (in == null) throw new IOException("rapport has no default template " + name);
    return in;
  }

  /**
   * Every file of the defaults ({@code README.md} too), by name, sorted: listed from the jar or the
   * class folder they were packaged into.
   */
  public List<String> names() {
    URL anchor = loader.getResource(ROOT + ANCHOR);
    if (anchor == null)
      throw new TemplateRenderException(
          "This rapport was built without its default templates (no "
              + ROOT
              + ANCHOR
              + " on its class path); build it with 'mvn package'.");
    try {
      List<String> names =
          switch (anchor.getProtocol()) {
            case "file" -> inFolder(Path.of(anchor.toURI()).getParent());
            case "jar" -> inJar(anchor);
            default ->
                throw new TemplateRenderException(
                    "Cannot list the default templates in " + anchor + ".");
          };
      return names.stream().sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> inFolder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .toList();
    }
  }

  private static List<String> inJar(URL anchor) throws IOException, URISyntaxException {
    URL jarUrl = ((JarURLConnection) anchor.openConnection()).getJarFileURL();
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(Path.of(jarUrl.toURI()).toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
        if (e.getName().startsWith(ROOT) && !e.isDirectory())
          names.add(e.getName().substring(ROOT.length()));
      }
    }
    return names;
  }
}
