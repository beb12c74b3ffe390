package dev.rapport.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.terminal.TerminalText;

/**
 * The JSON of {@code --json}: camelCase keys, ISO-8601 times with offset, nulls kept. Jackson
 * escapes C0 controls itself; the other characters a terminal acts on ({@link TerminalText}) are
 * written as {@code \\uXXXX} too, so the document prints safely and still reads back as the stored
 * text.
 */
final class Json {
  private static final ObjectMapper MAPPER = mapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper m =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    m.getFactory().setCharacterEscapes(new SteeringEscapes());
    return m;
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
