package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
  /** What the config was read with before: YamlTree must give the same tree. */
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  @Test
  void theExampleConfigReadsAsTheMapperReadsIt() throws Exception {
    String example = Files.readString(Path.of("config/rapport.example.yaml"));
    JsonNode tree = YamlTree.read(example);
    assertThat(tree).isEqualTo(MAPPER.readTree(example));
    assertThat(tree.get("me").get("email").asText()).isEqualTo("ada@example.org");
  }

  @Test
  void everyKindOfValueIsTheNodeTheMapperMakes() throws Exception {
    for (String yaml :
        List.of(
            "a: 1\nb: -7\nc: 3000000000\nd: 123456789012345678901234567890\n",
            "f: 1.5\ng: 1e3\nh: .5\ni: -0.0\nj: 1.0e400\n",
            "t: true\nf: false\nyes: yes\noff: Off\nn: null\ntilde: ~\nempty:\n",
            "s: plain\nq: 'single ''quoted'''\nd: \"double \\t \\u00e9\"\nnum: '42'\n",
            "list: [1, two, 3.0, null, [nested], {k: v}]\nblock:\n  - a\n  - b: c\n",
            "folded: >\n  one\n  two\nliteral: |\n  line\n  line\n",
            "twice: 1\nother: x\ntwice: 2\n",
            "anchor: &a {x: 1}\nalias: *a\n",
            "bin: !!binary aGVsbG8=\n",
            "- top\n- level\n- list\n",
            "just text\n",
            "first: doc\n---\nsecond: doc\n",
            "# only a comment\n",
            "")) {
      JsonNode expected = MAPPER.readTree(yaml);
      JsonNode actual = YamlTree.read(yaml);
      if (expected == null || expected.isMissingNode())
        assertThat(actual.isMissingNode()).as("%s", yaml).isTrue();
      else {
        assertThat(actual).as("%s", yaml).isEqualTo(expected);
        assertThat(actual.toString()).as("%s", yaml).isEqualTo(expected.toString());
      }
    }
  }

  @Test
  void brokenYamlIsRefusedWithItsPlace() {
    assertThatThrownBy(() -> YamlTree.read("me:\n  name: [unclosed\n"))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(
            e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isPositive());
  }
}
