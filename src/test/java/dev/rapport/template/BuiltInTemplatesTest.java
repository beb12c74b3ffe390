package dev.rapport.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInTemplatesTest {
  @TempDir Path dir;

  final BuiltInTemplates builtIn = BuiltInTemplates.standard();

  @Test
  void everyFileOfTheRepositorysTemplatesFolderIsPackaged() throws IOException {
    try (Stream<Path> files = Files.list(DefaultTemplates.SOURCE)) {
      assertThat(builtIn.names())
          .containsExactlyElementsOf(files.map(f -> f.getFileName().toString()).sorted().toList())
          .contains("README.md", "outreach.ftl");
    }
  }

  @Test
  void aKindIsTheShortestStartOfTheNameThatIsADefaultOfItsOwn() {
    assertThat(builtIn.kindOf("outreach.ftl")).isEqualTo("outreach");
    assertThat(builtIn.kindOf("outreach-tier1.ftl")).isEqualTo("outreach");
    assertThat(builtIn.kindOf("outreach-tier3.ftl")).isEqualTo("outreach");
    assertThat(builtIn.kindOf("follow-up-referred.ftl")).isEqualTo("follow-up");
    assertThat(builtIn.kindOf("keep-in-touch.ftl")).isEqualTo("keep-in-touch");
    assertThat(builtIn.kindOf("signature.ftl")).isEqualTo("signature");
    assertThat(builtIn.kindOf("parts/outreach-x.ftl")).isEqualTo("parts/outreach-x.ftl");
  }

  @Test
  void insideAJarTheyAreListedFromIt() throws IOException {
    Path jar = dir.resolve("built.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, "dev/rapport/Other.class", "x");
      add(out, "templates/README.md", "# Templates");
      add(out, "templates/hello.ftl", "Subject: Hi\n\nHello");
      add(out, "templates/hello-tier1.ftl", "Subject: Hi\n\nHello friend");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      BuiltInTemplates inJar = new BuiltInTemplates(loader);
      assertThat(inJar.names()).containsExactly("README.md", "hello-tier1.ftl", "hello.ftl");
      assertThat(inJar.kindOf("hello-tier1.ftl")).isEqualTo("hello");
      try (var in = inJar.open("hello.ftl")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).endsWith("Hello");
      }
    }
  }

  private static void add(JarOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
