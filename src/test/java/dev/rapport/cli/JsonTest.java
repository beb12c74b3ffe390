package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.terminal.TerminalText;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Json} writes every view exactly as Jackson's ObjectMapper, configured as {@code --json}
 * was before it, writes it: for every record of the CLI (the views) and every record, enum and list
 * they hold, once filled and once with every value that can be null left null.
 */
class JsonTest {
  /** The mapper {@code --json} used to be written with. */
  private static final ObjectMapper JACKSON = jackson();

  private static ObjectMapper jackson() {
    // the escapes are Json's own: they come with its factory
    return new ObjectMapper(Json.Mapper.MAPPER.getFactory())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final Set<String> unknownTypes = new TreeSet<>();

  @Test
  void everyViewOfTheCliIsWrittenAsJacksonWritesIt() throws Exception {
    List<Class<?>> views = cliRecords();
    assertThat(views).as("the CLI's records").hasSizeGreaterThan(15);
    int compared = 0;
    for (Class<?> view : views) {
      for (boolean filled : List.of(true, false)) {
        Object value = make(view, filled, 0);
        assertThat(Json.write(value)).as("%s, filled %s", view, filled).isEqualTo(jackson(value));
        if (!holdsAPath(view))
          assertThat(Json.streamed(value)).as("%s is written without the mapper", view).isTrue();
        List<Object> list = List.of(value, make(view, !filled, 0));
        assertThat(Json.write(list)).as("a list of %s", view).isEqualTo(jackson(list));
        compared++;
      }
    }
    assertThat(unknownTypes).as("types this test cannot make a value of").isEmpty();
    assertThat(compared).isGreaterThan(30);
  }

  @Test
  void textThatSteersATerminalIsEscapedAndAnythingElseStillMatches() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "Eve\u001b[2J\u0085\u202e\u009b\u2028 é 😀 \"q\" \\");
    value.put("none", null);
    value.put("where", Path.of("/tmp/a b")); // not a view's type: the mapper writes it all
    value.put("when", OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
    value.put("nested", List.of(Map.of("a", 1), List.of()));
    String written = Json.write(value);
    assertThat(written).isEqualTo(jackson(value));
    assertThat(written).doesNotContain("\u001b").doesNotContain("\u202e").contains("\\u202E");
  }

  @Test
  void everyCharacterThatSteersATerminalIsEscapedSoTheDocumentPrintsAsItIs() throws Exception {
    // AppCommand.printJson writes the document past TerminalWriter on the strength of this
    StringBuilder steering = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) if (TerminalText.steers(c)) steering.append(c);
    assertThat(steering.length()).isGreaterThan(60);
    String text = "a" + steering + "\r\n\t z";
    for (Object value :
        List.of(
            new Pair(text, null),
            Map.of("name", text),
            Map.of("name", text, "where", Path.of("/tmp/" + text.replace("\0", ""))))) {
      String written = Json.write(value);
      assertThat(TerminalText.shown(written)).as("%s", value.getClass()).isEqualTo(written);
    }
  }

  @Test
  void printingGivesTheDocumentAndALineEndWhetherStreamedOrMapped() {
    // printJson prints from the buffer, without a String of the whole document between
    for (Object value :
        List.of(
            List.of(new Pair("aé‮", null), new Pair("x".repeat(20_000), "😀")),
            Map.of("where", Path.of("/tmp/a b")))) {
      java.io.StringWriter printed = new java.io.StringWriter();
      try (java.io.PrintWriter out = new java.io.PrintWriter(printed)) {
        Json.print(value, out);
      }
      assertThat(printed.toString()).isEqualTo(Json.write(value) + System.lineSeparator());
      assertThat(printed.toString()).startsWith(value instanceof List ? "[" : "{");
    }
  }

  /** A view-like record for the test above. */
  record Pair(String first, String second) {}

  @Test
  void timesAreWrittenAsIsoOffsetDateTimeWritesThem() {
    java.util.Random random = new java.util.Random(15);
    List<OffsetDateTime> times = new ArrayList<>();
    for (int year : new int[] {-1, 0, 999, 1000, 2026, 9999, 10000})
      times.add(OffsetDateTime.of(year, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    for (int i = 0; i < 20_000; i++) {
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      ZoneOffset offset =
          switch (i % 3) {
            case 0 -> ZoneOffset.UTC;
            case 1 -> ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 3600);
            default -> ZoneOffset.ofTotalSeconds(random.nextInt(18 * 3600 * 2 + 1) - 18 * 3600);
          };
      times.add(
          OffsetDateTime.of(
              1000 + random.nextInt(9000),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              nano,
              offset));
    }
    for (OffsetDateTime t : times)
      assertThat(Json.iso(t))
          .isEqualTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
  }

  @Test
  void everyViewHoldsWhatItsAccessorsReturn() throws Exception {
    // Json reads a view's fields, Jackson its accessors: a view must not compute in an accessor
    for (Class<?> view : cliRecords()) {
      Object value = make(view, true, 0);
      for (java.lang.reflect.RecordComponent c : view.getRecordComponents()) {
        java.lang.reflect.Field field = view.getDeclaredField(c.getName());
        field.setAccessible(true);
        java.lang.reflect.Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        assertThat(field.get(value))
            .as("%s.%s", view, c.getName())
            .isEqualTo(accessor.invoke(value));
      }
    }
  }

  private static boolean holdsAPath(Class<?> record) {
    return Stream.of(record.getRecordComponents()).anyMatch(c -> c.getType() == Path.class);
  }

  private static String jackson(Object value) throws IOException {
    return JACKSON.writeValueAsString(value);
  }

  /** Every record class compiled from dev/rapport/cli. */
  private static List<Class<?>> cliRecords() throws Exception {
    Path classes =
        Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/rapport/cli");
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class")) continue;
        Class<?> c = Class.forName("dev.rapport.cli." + file.substring(0, file.length() - 6));
        if (c.isRecord() && c.getEnclosingClass() != Json.class) records.add(c);
      }
    }
    return records;
  }

  private Object make(Type type, boolean filled, int depth) throws Exception {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == int.class || raw == Integer.class) return filled ? 42 : -7;
    if (raw == long.class || raw == Long.class) return filled ? 1234567890123L : 0L;
    if (raw == double.class || raw == Double.class) return filled ? 0.25 : 3.0;
    if (raw == float.class || raw == Float.class) return filled ? 1.5f : 0f;
    if (raw == boolean.class || raw == Boolean.class) return filled;
    if (raw == BigDecimal.class) return new BigDecimal("12.50");
    if (raw == String.class) return filled ? "Ada \u001b[31mLovelace\u202e é" : "";
    if (raw == OffsetDateTime.class)
      return filled
          ? OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(1))
          : OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000, ZoneOffset.UTC);
    if (raw == LocalDate.class) return LocalDate.of(2026, 12, 7);
    if (raw == LocalTime.class) return filled ? LocalTime.of(10, 0) : LocalTime.of(9, 5, 30, 5);
    if (raw == LocalDateTime.class) return LocalDateTime.of(2026, 12, 7, 10, 0);
    if (raw == Instant.class) return Instant.parse("2026-12-07T08:00:00Z");
    if (raw == Path.class) return Path.of("/tmp/a folder/rapport.yaml"); // the mapper writes it
    if (raw.isEnum()) {
      Object[] all = raw.getEnumConstants();
      return filled ? all[0] : all[all.length - 1];
    }
    Type[] args = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == List.class || raw == java.util.Collection.class) {
      List<Object> l = new ArrayList<>();
      if (filled && depth < 3) {
        l.add(make(args[0], true, depth + 1));
        l.add(make(args[0], false, depth + 1));
      }
      return l;
    }
    if (raw == Set.class) {
      Set<Object> s = new LinkedHashSet<>();
      if (filled && depth < 3) s.add(make(args[0], true, depth + 1));
      return s;
    }
    if (raw == Map.class) {
      Map<Object, Object> m = new LinkedHashMap<>();
      if (filled && depth < 3)
        m.put(make(args[0], true, depth + 1), make(args[1], true, depth + 1));
      return m;
    }
    if (raw == Optional.class)
      return filled && depth < 3 ? Optional.of(make(args[0], true, depth + 1)) : Optional.empty();
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        boolean leaveNull = !filled && !types[i].isPrimitive();
        values[i] =
            leaveNull || depth >= 4 && !types[i].isPrimitive()
                ? null
                : make(components[i].getGenericType(), filled, depth + 1);
      }
      Constructor<?> canonical = raw.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    }
    unknownTypes.add(type.getTypeName());
    return null;
  }
}
