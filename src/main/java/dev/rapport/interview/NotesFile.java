package dev.rapport.interview;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rapport.InvalidInputException;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.question.Question;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads interview notes from YAML (documented in docs/INTERVIEWS.md), strictly: an unknown key, a
 * wrong type, a question number not in the set or a bad address refuses the whole file, naming the
 * line and the key's path. The file is read as a token stream so that every value keeps its line.
 */
public final class NotesFile {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final int MAX_TEXT = 20_000;

  private sealed interface Node permits Scalar, MapNode, ListNode {
    int line();
  }

  private record Scalar(JsonToken token, String text, int line) implements Node {}

  private record Entry(String key, Node value, int line) {}

  private record MapNode(Map<String, Entry> entries, int line) implements Node {}

  private record ListNode(List<Node> items, int line) implements Node {}

  /** Collected as found and reported in line order, the order a person fixes them in. */
  private final List<Problem> problems = new ArrayList<>();

  private record Problem(int line, String text) {}

  private final String source;

  private NotesFile(String source) {
    this.source = source;
  }

  /** Parses {@code yaml} against the active question set, or throws naming every problem. */
  public static Notes parse(String yaml, List<Question> set, String source) {
    NotesFile f = new NotesFile(source);
    Node root;
    try (JsonParser p = YAML.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) throw f.refused("the file is empty");
      root = f.read(p);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw f.refused(
          (line > 0 ? "line " + line + ": " : "")
              + "not valid YAML ("
              + e.getOriginalMessage()
              + ")");
    } catch (IOException e) {
      throw f.refused("it could not be read (" + e.getMessage() + ")");
    }
    Notes notes = f.notes(root, set);
    if (!f.problems.isEmpty()) throw f.refused(f.inLineOrder());
    return notes;
  }

  private InvalidInputException refused(String why) {
    return new InvalidInputException(
        "The notes file " + source + " was refused and nothing was saved:\n  " + why);
  }

  // --- reading the token stream into nodes that remember their line

  private Node read(JsonParser p) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        p.nextToken();
        Node value = read(p);
        if (entries.containsKey(key)) {
          add(keyLine, "\"" + key + "\" appears twice");
        }
        entries.put(key, new Entry(key, value, keyLine));
      }
      return new MapNode(entries, line);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p));
      return new ListNode(items, line);
    }
    return new Scalar(t, t == JsonToken.VALUE_NULL ? null : p.getText(), line);
  }

  // --- checking the nodes

  private Notes notes(Node root, List<Question> set) {
    List<Notes.Answer> answers = new ArrayList<>();
    String notes = null;
    String highlight = null;
    Reflection reflection = Reflection.NONE;
    List<Notes.Referral> referrals = new ArrayList<>();
    if (!(root instanceof MapNode top)) {
      problem(root, "", "expected keys such as answers:, notes:, reflection:");
      return new Notes(answers, notes, highlight, reflection, referrals);
    }
    allowOnly(top, "", Set.of("answers", "notes", "highlight", "reflection", "referrals"));
    for (Entry e : top.entries().values()) {
      switch (e.key()) {
        case "answers" -> answers = answers(e, set);
        case "notes" -> notes = text(e.value(), "notes", MAX_TEXT);
        case "highlight" -> highlight = text(e.value(), "highlight", 2000);
        case "reflection" -> reflection = reflection(e.value());
        case "referrals" -> referrals = referrals(e.value());
        default -> {}
      }
    }
    return new Notes(answers, notes, highlight, reflection, referrals);
  }

  private List<Notes.Answer> answers(Entry e, List<Question> set) {
    List<Notes.Answer> answers = new ArrayList<>();
    if (isNull(e.value())) return answers;
    if (!(e.value() instanceof MapNode m)) {
      problem(
          e.value(), "answers", "expected question numbers with their answers, as in 1: \"...\"");
      return answers;
    }
    for (Entry a : m.entries().values()) {
      String path = "answers." + a.key();
      int number;
      try {
        number = Integer.parseInt(a.key().strip());
      } catch (NumberFormatException ex) {
        add(a.line(), path + ": a key here is a question number, as 'questions list' shows it");
        continue;
      }
      if (number < 1 || number > set.size()) {
        add(
            a.line(),
            path
                + ": there is no question "
                + number
                + (set.isEmpty()
                    ? "; the question set is empty"
                    : "; the set has questions 1 to " + set.size() + " ('questions list')"));
        continue;
      }
      String text = text(a.value(), path, MAX_TEXT);
      if (text != null) answers.add(new Notes.Answer(set.get(number - 1).id(), number, text));
    }
    return answers;
  }

  private Reflection reflection(Node n) {
    if (isNull(n)) return Reflection.NONE;
    if (!(n instanceof MapNode m)) {
      problem(
          n,
          "reflection",
          "expected {resonated: ..., clashed: ..., energy: 1-5, continue: true|false}");
      return Reflection.NONE;
    }
    allowOnly(m, "reflection", Set.of("resonated", "clashed", "energy", "continue"));
    String resonated = null;
    String clashed = null;
    Integer energy = null;
    Boolean cont = null;
    for (Entry e : m.entries().values()) {
      switch (e.key()) {
        case "resonated" -> resonated = text(e.value(), "reflection.resonated", MAX_TEXT);
        case "clashed" -> clashed = text(e.value(), "reflection.clashed", MAX_TEXT);
        case "energy" -> energy = integer(e.value(), "reflection.energy", 1, 5);
        case "continue" -> cont = bool(e.value(), "reflection.continue");
        default -> {}
      }
    }
    return new Reflection(resonated, clashed, energy, cont);
  }

  private List<Notes.Referral> referrals(Node n) {
    List<Notes.Referral> out = new ArrayList<>();
    if (isNull(n)) return out;
    if (!(n instanceof ListNode list)) {
      problem(n, "referrals", "expected a list, each item as - {name: ..., email: ...}");
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "referrals[" + (i + 1) + "]";
      if (!(item instanceof MapNode m)) {
        problem(
            item,
            path,
            "expected {name: ..., email: ..., context: ..., introduction_offered: true|false}");
        continue;
      }
      allowOnly(m, path, Set.of("name", "email", "context", "introduction_offered", "tier"));
      Entry name = m.entries().get("name");
      Entry email = m.entries().get("email");
      String cleanName = name == null ? null : text(name.value(), path + ".name", 200);
      if (cleanName == null) problem(item, path + ".name", "a referral needs a name");
      String cleanEmail = null;
      if (email == null || isNull(email.value())) {
        problem(item, path + ".email", "a referral needs an email address to become a contact");
      } else {
        String raw = text(email.value(), path + ".email", 254);
        try {
          cleanEmail = EmailAddresses.normalize(raw);
        } catch (IllegalArgumentException ex) {
          problem(email.value(), path + ".email", ex.getMessage());
        }
      }
      Entry context = m.entries().get("context");
      Entry intro = m.entries().get("introduction_offered");
      Entry tier = m.entries().get("tier");
      String cleanContext = context == null ? null : text(context.value(), path + ".context", 2000);
      Boolean offered = intro == null ? null : bool(intro.value(), path + ".introduction_offered");
      Integer cleanTier = tier == null ? null : integer(tier.value(), path + ".tier", 1, 4);
      if (cleanName != null && cleanEmail != null) {
        out.add(
            new Notes.Referral(
                cleanName, cleanEmail, cleanContext, Boolean.TRUE.equals(offered), cleanTier));
      }
    }
    return out;
  }

  private void allowOnly(MapNode m, String path, Set<String> keys) {
    for (Entry e : m.entries().values()) {
      if (!keys.contains(e.key())) {
        add(
            e.line(),
            (path.isEmpty() ? "" : path + ".")
                + e.key()
                + ": unknown key; expected one of "
                + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  private String text(Node n, String path, int max) {
    if (isNull(n)) return null;
    if (!(n instanceof Scalar s)) {
      problem(n, path, "expected text, in quotes if it has a colon");
      return null;
    }
    String t = s.text().strip();
    if (t.isEmpty()) return null;
    if (t.length() > max) {
      problem(n, path, "longer than " + max + " characters");
      return null;
    }
    return t;
  }

  private Integer integer(Node n, String path, int min, int max) {
    if (isNull(n)) return null;
    if (n instanceof Scalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
      try {
        int v = Integer.parseInt(s.text());
        if (v >= min && v <= max) return v;
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(
        n,
        path,
        "expected a whole number from "
            + min
            + " to "
            + max
            + (n instanceof Scalar s ? ", not " + s.text() : ""));
    return null;
  }

  private Boolean bool(Node n, String path) {
    if (isNull(n)) return null;
    if (n instanceof Scalar s
        && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
      return s.token() == JsonToken.VALUE_TRUE;
    }
    problem(n, path, "expected true or false" + (n instanceof Scalar s ? ", not " + s.text() : ""));
    return null;
  }

  private static boolean isNull(Node n) {
    return n instanceof Scalar s && s.token() == JsonToken.VALUE_NULL;
  }

  private void problem(Node n, String path, String what) {
    add(n.line(), (path.isEmpty() ? "" : path + ": ") + what);
  }

  private void add(int line, String text) {
    problems.add(new Problem(line, text));
  }

  private String inLineOrder() {
    return problems.stream()
        .sorted(java.util.Comparator.comparingInt(Problem::line))
        .map(p -> "line " + p.line() + ": " + p.text())
        .collect(java.util.stream.Collectors.joining("\n  "));
  }
}
