package dev.rapport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the commit it was built from, as the build wrote them into {@code
 * build.properties} ("unknown commit" when built outside git), and the Java that runs it. From
 * classes compiled without Maven: "development build".
 */
final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "build.properties";

  @Override
  public String[] getVersion() {
    return lines(load());
  }

  static String[] lines(Properties build) {
    String version = build.getProperty("version");
    String commit = build.getProperty("commit", "unknown");
    String first =
        version == null
            ? "rapport development build"
            : "rapport "
                + version
                + (commit.isBlank() || commit.equals("unknown")
                    ? " (unknown commit)"
                    : " (commit " + commit + ")");
    return new String[] {
      first,
      "Java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vendor")
          + ", "
          + System.getProperty("java.home")
          + ")"
    };
  }

  static Properties load() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
