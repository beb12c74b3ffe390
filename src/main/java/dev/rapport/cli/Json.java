package dev.rapport.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.terminal.TerminalText;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of {@code --json}: camelCase keys, ISO-8601 times with offset, nulls kept. Jackson
 * escapes C0 controls itself; the other characters a terminal acts on ({@link TerminalText}) are
 * written as {@code \\uXXXX} too, so the document prints safely and still reads back as the stored
 * text.
 *
 * <p>The views are records of strings, numbers, enums, times, lists and other records: those are
 * written here with Jackson's streaming generator, exactly as Jackson's {@code ObjectMapper} writes
 * them (JsonTest compares the two on every view), because building the mapper and its serializers
 * costs a short command about a tenth of a second. Anything else goes to the mapper.
 */
final class Json {
  private static final JsonFactory FACTORY = factory();
  private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

  private Json() {}

  static String write(Object value) {
    return document(value).toString();
  }

  /** Prints {@code value}'s document and a line end to {@code out}, without a String between. */
  static void print(Object value, PrintWriter out) {
    try {
      document(value).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e); // a PrintWriter throws none
    }
    out.println();
  }

  private static CharArrayWriter document(Object value) {
    try {
      return write(value, false);
    } catch (NotAView e) {
      return write(value, true);
    }
  }

  /** True when {@code value} is written here, without the mapper (for JsonTest). */
  static boolean streamed(Object value) {
    try {
      write(value, false);
      return true;
    } catch (NotAView e) {
      return false;
    }
  }

  /**
   * The document in a buffer, so that the mapper can start over. Not a {@link
   * java.io.StringWriter}: its StringBuffer checks every char it is given for Latin-1, a third of
   * the time of writing thousands of contacts.
   */
  private static CharArrayWriter write(Object value, boolean mapper) {
    CharArrayWriter out = new CharArrayWriter(8192);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter()); // what INDENT_OUTPUT sets
      if (mapper) Mapper.MAPPER.writeValue(g, value);
      else value(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
    return out;
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) g.writeNull();
    else if (v instanceof String s) g.writeString(s);
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Integer || v instanceof Short || v instanceof Byte)
      g.writeNumber(((Number) v).intValue());
    else if (v instanceof Long l) g.writeNumber(l);
    else if (v instanceof Double d) g.writeNumber(d);
    else if (v instanceof Float f) g.writeNumber(f);
    else if (v instanceof BigDecimal d) g.writeNumber(d);
    else if (v instanceof BigInteger i) g.writeNumber(i);
    else if (v instanceof Enum<?> e) g.writeString(e.name());
    else if (v instanceof OffsetDateTime t) g.writeString(iso(t));
    else if (v instanceof LocalDate d) g.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(d));
    else if (v instanceof LocalDateTime t)
      g.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
    else if (v instanceof LocalTime t) g.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(t));
    else if (v instanceof Instant i) g.writeString(i.toString());
    else if (v instanceof Record r) {
      g.writeStartObject();
      fields(g, r);
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object e : c) value(g, e);
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() instanceof String k) g.writeFieldName(k);
        else if (e.getKey() instanceof Enum<?> k) g.writeFieldName(k.name());
        else throw new NotAView();
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else throw new NotAView(); // the mapper writes the whole document
  }

  /**
   * {@code t} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it (JsonTest compares the
   * two), at a quarter of its cost: a contact list writes thousands.
   */
  static String iso(OffsetDateTime t) {
    int year = t.getYear();
    if (year < 1000 || year > 9999) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    StringBuilder b = new StringBuilder(35).append(year).append('-');
    twoDigits(b, t.getMonthValue()).append('-');
    twoDigits(b, t.getDayOfMonth()).append('T');
    twoDigits(b, t.getHour()).append(':');
    twoDigits(b, t.getMinute()).append(':');
    twoDigits(b, t.getSecond());
    int nano = t.getNano();
    if (nano != 0) {
      String digits = Integer.toString(1_000_000_000 + nano); // "1" and nine digits
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') end--;
      b.append('.').append(digits, 1, end);
    }
    return b.append(t.getOffset().getId()).toString();
  }

  private static StringBuilder twoDigits(StringBuilder b, int value) {
    return (value < 10 ? b.append('0') : b).append(value);
  }

  /** A record's properties, those of a {@link JsonUnwrapped} one in its place. */
  private static void fields(JsonGenerator g, Record r) throws IOException {
    for (Property p : PROPERTIES.computeIfAbsent(r.getClass(), Json::properties)) {
      Object v = p.of(r);
      if (p.unwrapped()) {
        if (v instanceof Record inner) fields(g, inner);
        else if (v != null) throw new NotAView();
      } else if (v != null || !p.nonNull()) {
        g.writeFieldName(p.name());
        value(g, v);
      }
    }
  }

  /**
   * A component, read from its field rather than through its accessor: the JVM generates a class
   * for each accessor called reflectively more than 15 times, a few milliseconds apiece at start.
   * Views are plain records, so the two agree (JsonTest).
   */
  private record Property(String name, Field field, boolean unwrapped, boolean nonNull) {
    Object of(Record r) {
      try {
        return field.get(r);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + r.getClass(), e);
      }
    }
  }

  /**
   * The components, in order, as Jackson names them; a record with anything else Jackson would
   * write (a bean getter, a Jackson annotation other than these two) is not a view.
   */
  private static List<Property> properties(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      boolean getter =
          m.getParameterCount() == 0
              && (m.getName().startsWith("get") || m.getName().startsWith("is"))
              && java.lang.reflect.Modifier.isPublic(m.getModifiers())
              && !java.lang.reflect.Modifier.isStatic(m.getModifiers());
      if (getter) throw new NotAView();
    }
    if (type.getAnnotations().length > 0) throw new NotAView();
    List<Property> all = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      // Jackson's annotations cannot target a record component: javac puts them on its field
      Field field;
      try {
        field = type.getDeclaredField(c.getName());
      } catch (NoSuchFieldException e) {
        throw new NotAView();
      }
      boolean unwrapped = field.isAnnotationPresent(JsonUnwrapped.class);
      JsonInclude include = field.getAnnotation(JsonInclude.class);
      boolean nonNull = include != null && include.value() == JsonInclude.Include.NON_NULL;
      // javac copies them onto the accessor too
      int known = (unwrapped ? 1 : 0) + (include != null ? 1 : 0);
      if (field.getAnnotations().length != known
          || c.getAccessor().getAnnotations().length > known
          || (include != null && !nonNull)) throw new NotAView();
      field.setAccessible(true);
      all.add(new Property(c.getName(), field, unwrapped, nonNull));
    }
    return List.copyOf(all);
  }

  /** Thrown where a value is not one this writer knows: the mapper writes the whole document. */
  private static final class NotAView extends RuntimeException {
    NotAView() {
      super(null, null, false, false);
    }
  }

  private static JsonFactory factory() {
    JsonFactory f = new JsonFactory();
    f.setCharacterEscapes(new SteeringEscapes());
    return f;
  }

  /** Jackson's ObjectMapper, built only for a value the writer above does not know. */
  static final class Mapper {
    static final ObjectMapper MAPPER =
        new ObjectMapper(factory())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Mapper() {}
  }

  /**
   * Jackson's standard escapes plus {@code \\uXXXX} for every character TerminalText spells out.
   */
  private static final class SteeringEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    SteeringEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    /** Asked for every character above ASCII: null writes it as it is. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xFFFF && TerminalText.steers((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch))
          : null;
    }
  }
}
