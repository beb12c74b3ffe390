package dev.rapport.imports;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file to import, read whole and decoded to text. UTF-8 is expected, with or without a byte order
 * mark; UTF-16 with a mark (Excel's "Unicode text") is read too, and text that is not valid UTF-8
 * is read as Windows-1252, which older spreadsheet exports write.
 */
record ImportText(String fileName, String text, LineIndex lines) {
  // Far above any address book; a limit keeps a wrong file from exhausting memory.
  static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static ImportText read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes = bytesOf(file);
    if (bytes.length == 0)
      throw new InvalidInputException(file + " is empty: there are no contacts in it to import.");
    String text = decode(file, bytes);
    if (text.isBlank())
      throw new InvalidInputException(file + " is empty: it holds only blank lines.");
    return new ImportText(name, text, new LineIndex(text));
  }

  private static byte[] bytesOf(Path file) {
    try {
      if (Files.isDirectory(file))
        throw new InvalidInputException(file + " is a folder; name the file to import.");
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new InvalidInputException(
            file
                + " is "
                + size / (1024 * 1024)
                + " MB; rapport imports files of up to "
                + MAX_BYTES / (1024 * 1024)
                + " MB.");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Cannot read " + file + ": there is no such file.");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("Cannot read " + file + ": permission denied.");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String decode(Path file, byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) return strict(file, b, 3, StandardCharsets.UTF_8);
    if (startsWith(b, 0xFF, 0xFE)) return strict(file, b, 2, StandardCharsets.UTF_16LE);
    if (startsWith(b, 0xFE, 0xFF)) return strict(file, b, 2, StandardCharsets.UTF_16BE);
    if (startsWith(b, 'P', 'K', 3, 4)) {
      throw new InvalidInputException(
          file
              + " is a zip archive (an Excel or Numbers workbook?), not text. Save it as \"CSV UTF-8\" and import that.");
    }
    for (byte x : b) {
      if (x == 0) {
        throw new InvalidInputException(
            file
                + " holds binary data, not text. rapport imports CSV files with a header row and vCard (.vcf) files.");
      }
    }
    try {
      return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, WINDOWS_1252);
    }
  }

  private static String strict(Path file, byte[] b, int skip, Charset charset) {
    try {
      return decoder(charset).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          file
              + " starts with a "
              + charset
              + " byte order mark but is not valid "
              + charset
              + " text.");
    }
  }

  private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
    return true;
  }
}
