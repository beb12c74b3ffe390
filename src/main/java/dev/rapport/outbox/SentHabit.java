package dev.rapport.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.store.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code sent: auto} found out about an account: whether its server files mail sent over SMTP
 * in Sent by itself. Kept in the data folder ({@code sent-habit.json}), one answer per account
 * (IMAP user at host), so the look after the first send is made once. A damaged file is read as
 * "not known yet": the worst that costs is one more look.
 */
public final class SentHabit {
  public static final String NAME = "sent-habit.json";
  private static final Logger log = LoggerFactory.getLogger(SentHabit.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final String account;

  public SentHabit(Path dataFolder, String account) {
    this.file = dataFolder.resolve(NAME);
    this.account = account;
  }

  /** True: the server files its own copy; false: rapport appends; empty: not known yet. */
  public synchronized Optional<Boolean> serverFilesSent() {
    JsonNode entry = read().get(account);
    return entry == null || !entry.has("server_files_sent")
        ? Optional.empty()
        : Optional.of(entry.get("server_files_sent").asBoolean());
  }

  synchronized void remember(boolean serverFilesSent, Instant at) {
    ObjectNode all = read();
    ObjectNode entry = all.putObject(account);
    entry.put("server_files_sent", serverFilesSent);
    entry.put("found_at", at.toString());
    try {
      PrivateFiles.folder(file.toAbsolutePath().getParent());
      PrivateFiles.write(file, all.toPrettyString() + "\n");
    } catch (IOException e) {
      log.warn("could not save what sent: auto found out in {}: {}", file, e.getMessage());
    }
  }

  private ObjectNode read() {
    try {
      JsonNode n = JSON.readTree(Files.readString(file));
      if (n instanceof ObjectNode o) return o;
    } catch (NoSuchFileException e) {
      return JSON.createObjectNode();
    } catch (IOException e) {
      log.warn("{} cannot be read ({}); sent: auto looks again", file, e.getMessage());
    }
    return JSON.createObjectNode();
  }
}
