package dev.rapport.imports;

import dev.rapport.contact.ContactService;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Times an import of a generated file into a fresh database, in this JVM (no start-up cost): {@code
 * java -cp target/classes:target/test-classes:$(deps) dev.rapport.imports.ImportBench [rows]}. A
 * benchmark, not a test: timings are reported, never asserted.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Files.createTempDirectory("rapport-bench");
    Path file = dir.resolve("bench.csv");
    StringBuilder sb = new StringBuilder("Name,Email,Company,Role,Tier,Notes\n");
    for (int i = 0; i < rows; i++) {
      sb.append("\"Zoë Núñez ")
          .append(i)
          .append("\",person")
          .append(i)
          .append("@example.org,\"Company ")
          .append(i % 97)
          .append(", Inc.\",Engineer,")
          .append(1 + i % 4)
          .append(",note ")
          .append(i)
          .append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      Path data = dir.resolve("data" + round);
      try (Database db = DatabaseOpener.open(new DataFolder(data))) {
        Clock clock = Clock.systemUTC();
        ContactImporter importer =
            new ContactImporter(
                db, clock, new ContactService(db, clock), new HypothesisService(db, clock));
        long start = System.nanoTime();
        ParsedFile parsed = new ImportFileReader().read(file);
        long read = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ImportReport report =
            importer.run(parsed, new ImportOptions(4, null, false), ImportProgress.NONE);
        long done = System.nanoTime();
        // CPU time of this thread as well as wall time: on a shared machine the wall clock includes
        // other work.
        System.out.printf(
            "round %d: %d rows read in %d ms, %d imported in %d ms wall, %d ms CPU%n",
            round,
            parsed.size(),
            (read - start) / 1_000_000,
            report.imported(),
            (done - read) / 1_000_000,
            (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
      }
    }
  }
}
