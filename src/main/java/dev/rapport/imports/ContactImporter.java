package dev.rapport.imports;

import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.ContactStore;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.Database;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the rows of a read file in as contacts. A bad row never stops the import: it is reported
 * with its line and reason. Rows whose address is already a contact, or appeared on an earlier row,
 * are skipped. Every good row goes in within one transaction, each with an IMPORTED event naming
 * the file and line.
 */
public final class ContactImporter {
  private static final int SOURCE_MAX = 200;
  // Small enough for a progress bar to move, large enough to keep round trips few.
  static final int BATCH = 250;

  private final Database db;
  private final Clock clock;
  private final ContactService contacts;
  private final HypothesisService hypotheses;
  private final ContactStore store = new ContactStore();

  public ContactImporter(
      Database db, Clock clock, ContactService contacts, HypothesisService hypotheses) {
    this.db = db;
    this.clock = clock;
    this.contacts = contacts;
    this.hypotheses = hypotheses;
  }

  public ImportReport run(ParsedFile file, ImportOptions options, ImportProgress progress) {
    Set<Long> known = hypotheses.list().stream().map(Hypothesis::id).collect(Collectors.toSet());
    if (options.hypothesisId() != null && !known.contains(options.hypothesisId())) {
      throw new NotFoundException(
          "--hypothesis: there is no hypothesis "
              + options.hypothesisId()
              + "; 'hypotheses list' shows them. Nothing was imported.");
    }
    RowChecker checker = new RowChecker(options, known, source(file.fileName()));
    List<CheckedRow> checked = file.rows().stream().map(checker::check).toList();
    try {
      return options.dryRun()
          ? db.read(c -> apply(c, file, checked, false, progress))
          : db.transaction(c -> apply(c, file, checked, true, progress));
    } finally {
      progress.finished();
    }
  }

  private ImportReport apply(
      Connection c,
      ParsedFile file,
      List<CheckedRow> rows,
      boolean write,
      ImportProgress progress) {
    KnownAddresses known = new KnownAddresses(c, store);
    KnownPeople people = new KnownPeople(c, store);
    Map<String, Integer> firstLineOf = new HashMap<>();
    List<ImportReport.Warning> warnings = new ArrayList<>();
    List<CheckedRow.Valid> fresh = new ArrayList<>();
    List<ImportReport.Skipped> skipped = new ArrayList<>();
    List<ImportReport.Rejected> rejected = new ArrayList<>();
    for (CheckedRow row : rows) {
      if (row instanceof CheckedRow.Invalid bad) {
        rejected.add(bad.rejection());
      } else if (row instanceof CheckedRow.Valid good && good.contact().email() == null) {
        Optional<String> duplicate = people.duplicate(good.contact(), good.line());
        if (duplicate.isPresent()) {
          skipped.add(new ImportReport.Skipped(good.line(), duplicate.get(), null));
        } else {
          fresh.add(good);
          good.warnings().forEach(w -> warnings.add(new ImportReport.Warning(good.line(), w)));
        }
      } else if (row instanceof CheckedRow.Valid good) {
        String email = good.contact().email();
        String key = EmailAddresses.key(email);
        Optional<Contact> owner = known.owner(email);
        if (owner.isPresent()) {
          skipped.add(
              new ImportReport.Skipped(
                  good.line(),
                  "duplicate of contact " + owner.get().id() + " (" + owner.get().email() + ")",
                  email));
        } else if (firstLineOf.containsKey(key)) {
          skipped.add(
              new ImportReport.Skipped(
                  good.line(), "duplicate of line " + firstLineOf.get(key), email));
        } else {
          firstLineOf.put(key, good.line());
          people.seen(good.contact(), good.line());
          fresh.add(good);
          good.warnings().forEach(w -> warnings.add(new ImportReport.Warning(good.line(), w)));
        }
      }
    }
    List<Long> ids = write ? insert(c, file.fileName(), fresh, progress) : List.of();
    List<ImportReport.OffEmail> offEmail =
        fresh.stream()
            .filter(r -> r.contact().email() == null)
            .map(
                r -> new ImportReport.OffEmail(r.line(), r.contact().name(), r.contact().channel()))
            .toList();
    return new ImportReport(
        file.fileName(),
        file.format(),
        !write,
        fresh.size(),
        ids,
        skipped,
        rejected,
        offEmail,
        warnings);
  }

  private List<Long> insert(
      Connection c, String fileName, List<CheckedRow.Valid> rows, ImportProgress progress) {
    Instant now = clock.instant();
    List<Long> ids = new ArrayList<>(rows.size());
    // Batches rather than a statement per row: several times faster on thousands of rows.
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<CheckedRow.Valid> batch = rows.subList(from, Math.min(from + BATCH, rows.size()));
      List<NewContact> batchContacts = batch.stream().map(CheckedRow.Valid::contact).toList();
      List<String> details =
          batch.stream().map(r -> "imported from " + fileName + " line " + r.line()).toList();
      ids.addAll(contacts.insertAll(c, batchContacts, now, EventType.IMPORTED, details));
      progress.advanced(ids.size(), rows.size());
    }
    return ids;
  }

  /** The contact's source column: "import:" and the file's name, cut to fit. */
  static String source(String fileName) {
    String source = "import:" + fileName;
    return source.length() <= SOURCE_MAX ? source : source.substring(0, SOURCE_MAX - 1) + "…";
  }
}
