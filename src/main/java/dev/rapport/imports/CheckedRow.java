package dev.rapport.imports;

import dev.rapport.contact.NewContact;

/** A row after checking: a valid contact ready to go in, or the reason it cannot. */
sealed interface CheckedRow {
  int line();

  record Valid(int line, NewContact contact) implements CheckedRow {}

  record Invalid(ImportReport.Rejected rejection) implements CheckedRow {
    @Override
    public int line() {
      return rejection.line();
    }
  }
}
