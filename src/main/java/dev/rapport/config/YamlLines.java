package dev.rapport.config;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line each key of the config file is on, by its path ({@code cadence.follow_up_after}, {@code
 * cadence.keep_in_touch_every[1]}), so that an error can say where to look; and the one check the
 * tree Jackson builds cannot make: a key written twice in one mapping (Jackson keeps the last one
 * silently), refused with both lines.
 */
final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();

  private YamlLines() {}

  /** Reads {@code yaml}, which Jackson has already parsed; throws on a duplicate key. */
  static YamlLines of(String yaml) {
    YamlLines out = new YamlLines();
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    if (root != null) out.walk("", root);
    return out;
  }

  /**
   * Puts "line N: " before a message that starts with a key path, using the nearest key that is
   * written in the file (a missing key gets its section's line).
   */
  String locate(String message) {
    int colon = message.indexOf(": ");
    if (colon < 0) return message;
    for (String path = message.substring(0, colon); !path.isEmpty(); path = parent(path)) {
      Integer line = lines.get(path);
      if (line != null) return "line " + line + ": " + message;
    }
    return message;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private void walk(String path, Node node) {
    if (node instanceof MappingNode mapping) {
      Map<String, Integer> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) continue;
        String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
        int line = key.getStartMark().getLine() + 1;
        Integer first = seen.putIfAbsent(key.getValue(), line);
        if (first != null) {
          throw new ConfigException(
              "line "
                  + line
                  + ": "
                  + child
                  + ": the key is written twice, on lines "
                  + first
                  + " and "
                  + line
                  + "; keep one of them");
        }
        lines.put(child, line);
        walk(child, tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        lines.put(path + "[" + i + "]", items.get(i).getStartMark().getLine() + 1);
        walk(path + "[" + i + "]", items.get(i));
      }
    }
  }
}
