package dev.rapport.inbox.classify;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text part into a string without ever throwing. The declared charset is used
 * when Java knows it; an unknown, missing or wrong one falls back to UTF-8 when the bytes are valid
 * UTF-8, else to windows-1252, which maps every byte to some character.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2046#section-4.1.2">RFC 2046, 4.1.2</a>
 */
final class TextDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  static String decode(byte[] bytes, String declaredCharset) {
    Charset declared = known(declaredCharset);
    if (declared != null && !(isAscii(declared) && !isAscii(bytes))) {
      return new String(bytes, declared);
    }
    return guess(bytes);
  }

  /** UTF-8 when the bytes are valid UTF-8, else windows-1252. */
  static String guess(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  private static Charset known(String name) {
    if (name == null || name.isBlank()) return null;
    try {
      return Charset.forName(MimeUtility.javaCharset(name.strip()));
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private static boolean isAscii(Charset charset) {
    return charset.equals(StandardCharsets.US_ASCII);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) if (b < 0) return false;
    return true;
  }
}
