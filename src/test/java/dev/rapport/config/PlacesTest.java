package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case with its own working directory and home: never the real ~/.config. */
class PlacesTest {
  @TempDir Path dir;
  Path cwd;
  Path home;

  @BeforeEach
  void setUp() throws IOException {
    cwd = Files.createDirectories(dir.resolve("work"));
    home = Files.createDirectories(dir.resolve("home"));
  }

  Places find(Map<String, String> env) {
    return Places.find(null, null, env, cwd, home);
  }

  static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }

  @Test
  void theFlagsComeFirst() throws IOException {
    touch(cwd.resolve("config/rapport.yaml"));
    Places p =
        Places.find(
            Path.of("/etc/rapport.yaml"),
            Path.of("/srv/rapport"),
            Map.of("RAPPORT_CONFIG", "/a.yaml", "RAPPORT_DATA", "/b"),
            cwd,
            home);
    assertThat(p.config()).contains(Path.of("/etc/rapport.yaml"));
    assertThat(p.configExplicit()).isTrue();
    assertThat(p.configWhy()).isEqualTo("from --config");
    assertThat(p.data()).isEqualTo(Path.of("/srv/rapport"));
    assertThat(p.dataWhy()).isEqualTo("from --data");
  }

  @Test
  void thenTheEnvironmentVariables() throws IOException {
    touch(cwd.resolve("config/rapport.yaml"));
    Places p = find(Map.of("RAPPORT_CONFIG", "/a.yaml", "RAPPORT_DATA", "/b"));
    assertThat(p.config()).contains(Path.of("/a.yaml"));
    assertThat(p.configExplicit()).isTrue();
    assertThat(p.configWhy()).isEqualTo("from RAPPORT_CONFIG");
    assertThat(p.data()).isEqualTo(Path.of("/b"));
    assertThat(p.dataWhy()).isEqualTo("from RAPPORT_DATA");
  }

  @Test
  void aProjectFolderKeepsConfigDataAndTemplatesBesideIt() throws IOException {
    touch(cwd.resolve("config/rapport.yaml"));
    touch(home.resolve(".config/rapport/rapport.yaml"));
    Places p = find(Map.of());
    assertThat(p.config()).contains(Path.of("config", "rapport.yaml"));
    assertThat(p.configExplicit()).isFalse();
    assertThat(p.configWhy()).isEqualTo("found in the working directory");
    assertThat(p.data()).isEqualTo(Path.of("data"));
    assertThat(p.templatesBase()).isNull();
    assertThat(p.templates(Path.of("templates"))).isEqualTo(Path.of("templates"));
  }

  @Test
  void theRepositoryWithOnlyTheExampleConfigIsAProjectFolderRunningTheSandbox() throws IOException {
    touch(cwd.resolve("config/rapport.example.yaml"));
    Places p = find(Map.of());
    assertThat(p.config()).isEmpty();
    assertThat(p.configWhy())
        .contains("config/rapport.yaml here")
        .contains(home.resolve(".config/rapport/rapport.yaml").toString())
        .endsWith("the sandbox");
    assertThat(p.data()).isEqualTo(Path.of("data"));
    assertThat(p.dataWhy()).isEqualTo("the working directory is a project folder");
  }

  @Test
  void aDataFolderOfRapportsHereMakesAProjectFolder() throws IOException {
    touch(cwd.resolve("data/db.secret"));
    assertThat(find(Map.of()).data()).isEqualTo(Path.of("data"));
  }

  @Test
  void aFolderCalledDataIsNotEnough() throws IOException {
    Files.createDirectories(cwd.resolve("data"));
    assertThat(find(Map.of()).data()).isEqualTo(home.resolve(".local/share/rapport"));
  }

  @Test
  void elsewhereTheXdgDefaultsUnderHome() throws IOException {
    Path file = touch(home.resolve(".config/rapport/rapport.yaml"));
    Places p = find(Map.of());
    assertThat(p.config()).contains(file);
    assertThat(p.configWhy()).isEqualTo("the XDG default under ~/.config");
    assertThat(p.data()).isEqualTo(home.resolve(".local/share/rapport"));
    assertThat(p.dataWhy()).isEqualTo("the XDG default under ~/.local/share");
    assertThat(p.templates(Path.of("templates")))
        .isEqualTo(home.resolve(".config/rapport/templates"));
    assertThat(p.templates(Path.of("/opt/templates"))).isEqualTo(Path.of("/opt/templates"));
  }

  @Test
  void theXdgVariablesWhenSetAndAbsolute() throws IOException {
    Path cfg = dir.resolve("cfg");
    Path file = touch(cfg.resolve("rapport/rapport.yaml"));
    Places p =
        find(
            Map.of(
                "XDG_CONFIG_HOME", cfg.toString(), "XDG_DATA_HOME", dir.resolve("d").toString()));
    assertThat(p.config()).contains(file);
    assertThat(p.configWhy()).isEqualTo("from XDG_CONFIG_HOME");
    assertThat(p.data()).isEqualTo(dir.resolve("d/rapport"));
    assertThat(p.dataWhy()).isEqualTo("from XDG_DATA_HOME");

    Places relative = find(Map.of("XDG_CONFIG_HOME", "cfg", "XDG_DATA_HOME", ""));
    assertThat(relative.config()).isEmpty();
    assertThat(relative.data()).isEqualTo(home.resolve(".local/share/rapport"));
  }

  @Test
  void withNoConfigAnywhereTemplatesAreLookedForBesideWhereItWouldBe() {
    Places p = find(Map.of());
    assertThat(p.config()).isEqualTo(Optional.empty());
    assertThat(p.templates(Path.of("templates")))
        .isEqualTo(home.resolve(".config/rapport/templates"));
  }

  @Test
  void aConfigNamedOutsideAProjectFolderHasItsTemplatesBesideIt() {
    Places p = Places.find(dir.resolve("etc/rapport.yaml"), null, Map.of(), cwd, home);
    assertThat(p.templates(Path.of("templates"))).isEqualTo(dir.resolve("etc/templates"));
  }
}
