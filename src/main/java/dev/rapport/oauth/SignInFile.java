package dev.rapport.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.mail.MailException;
import dev.rapport.store.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in's file in the data folder ({@code oauth2-signin.json}), 0600 from the moment it
 * exists and replaced in one step, so a reader sees the old sign-in or the new one. Errors name the
 * file, never its content.
 */
public final class SignInFile {
  public static final String NAME = "oauth2-signin.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public SignInFile(Path dataFolder) {
    this.file = dataFolder.resolve(NAME);
  }

  public Path path() {
    return file;
  }

  /** Empty when nobody has signed in yet. */
  public Optional<StoredSignIn> read() {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new MailException("Cannot read the sign-in file " + file + ": " + e.getMessage(), e);
    }
    try {
      JsonNode n = JSON.readTree(text);
      return Optional.of(
          new StoredSignIn(
              text(n, "refresh_token"),
              text(n, "access_token"),
              n.hasNonNull("expires_at") ? Instant.parse(n.get("expires_at").asText()) : null,
              text(n, "signed_out"),
              n.hasNonNull("saved_at") ? Instant.parse(n.get("saved_at").asText()) : null));
    } catch (IOException | RuntimeException e) {
      throw new MailException(
          "The sign-in file " + file + " is damaged; sign in again: rapport login");
    }
  }

  public void write(StoredSignIn s) {
    ObjectNode n = JSON.createObjectNode();
    put(n, "refresh_token", s.refreshToken());
    put(n, "access_token", s.accessToken());
    put(n, "expires_at", s.expiresAt() == null ? null : s.expiresAt().toString());
    put(n, "signed_out", s.signedOut());
    put(n, "saved_at", s.savedAt() == null ? null : s.savedAt().toString());
    try {
      PrivateFiles.folder(file.toAbsolutePath().getParent());
      PrivateFiles.write(file, n.toPrettyString() + "\n");
    } catch (IOException e) {
      throw new MailException("Cannot save the sign-in in " + file + ": " + e.getMessage(), e);
    }
  }

  /** When the file last changed, to notice a new sign-in made by another process. */
  Instant modified() {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private static String text(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asText() : null;
  }

  private static void put(ObjectNode n, String key, String value) {
    if (value != null) n.put(key, value);
  }
}
