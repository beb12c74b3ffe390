package dev.rapport.imports;

import dev.rapport.contact.NewContact;

/** A row after checking: a valid contact ready to go in, or the reason it cannot. */
sealed interface CheckedRow {
  int line();

  /** {@code warnings}: what was wrong in the row but did not keep it out (a bad date). */
  record Valid(int line, NewContact contact, java.util.List<String> warnings)
      implements CheckedRow {
    Valid(int line, NewContact contact) {
      this(line, contact, java.util.List.of());
    }
  }

  record Invalid(ImportReport.Rejected rejection) implements CheckedRow {
    @Override
    public int line() {
      return rejection.line();
    }
  }
}
