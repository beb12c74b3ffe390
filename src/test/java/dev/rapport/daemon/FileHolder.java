package dev.rapport.daemon;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A stand-in for a long command, run as its own process by the integration tests: opens the
 * database the way every command does (so, without a daemon, it holds the file), says "holding",
 * and lets go when its standard input closes.
 */
public final class FileHolder {
  private FileHolder() {}

  public static void main(String[] args) throws IOException {
    dev.rapport.store.LoopbackOnly.configure();
    try (Database db = DatabaseOpener.open(new DataFolder(Path.of(args[0])))) {
      System.out.println("holding " + db.description());
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our stdin
      }
    }
    System.out.println("released");
  }
}
