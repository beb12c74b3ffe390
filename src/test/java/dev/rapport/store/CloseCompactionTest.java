package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command leaves compacting the file to the daemon: closing after many small commits is then
 * quick, and the file keeps the space for later writes (docs/DATABASE.md).
 */
class CloseCompactionTest {
  @TempDir Path dir;

  @Test
  void aCommandClosesWithoutCompactingAndTheOwnerCompacts() throws Exception {
    DataFolder folder = new DataFolder(dir);
    Database command = DatabaseOpener.open(folder);
    churn(command);
    long beforeClose = size(folder);
    command.close();
    long afterCommand = size(folder);
    assertThat(afterCommand)
        .as("the command's close keeps the file")
        .isGreaterThanOrEqualTo(beforeClose);

    Database owner = DatabaseOpener.openOwned(folder);
    owner.close();
    long afterOwner = size(folder);

    assertThat(afterOwner).as("the owner's close compacts").isLessThan(afterCommand / 2);
    // and what the command wrote is all there
    Database again = DatabaseOpener.open(folder);
    try {
      long rows = again.read(c -> Sql.count(c, "SELECT COUNT(*) FROM churn"));
      assertThat(rows).isEqualTo(200);
    } finally {
      again.close();
    }
  }

  /** 400 commits of a row with a long text each: every commit writes a chunk of its own. */
  private static void churn(Database db) {
    db.transaction(c -> Sql.update(c, "CREATE TABLE churn(id INT PRIMARY KEY, body VARCHAR)"));
    String body = "x".repeat(1500);
    for (int i = 0; i < 200; i++) {
      int id = i;
      db.transaction(c -> Sql.update(c, "INSERT INTO churn VALUES (?, ?)", id, body));
      db.transaction(c -> Sql.update(c, "UPDATE churn SET body = body || 'y' WHERE id = ?", id));
    }
  }

  private static long size(DataFolder folder) throws Exception {
    return Files.size(Path.of(folder.databasePath() + ".mv.db"));
  }
}
