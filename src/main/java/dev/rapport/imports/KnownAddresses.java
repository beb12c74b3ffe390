package dev.rapport.imports;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactStore;
import dev.rapport.contact.EmailAddresses;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The addresses already in the database, for finding duplicates without a query per row: one query
 * for every address up front, and one more for the contacts behind them the first time a row
 * repeats one (re-importing a whole export repeats them all).
 */
final class KnownAddresses {
  private final Connection c;
  private final ContactStore store;
  private final Set<String> keys;
  private Map<String, Contact> owners;

  KnownAddresses(Connection c, ContactStore store) {
    this.c = c;
    this.store = store;
    this.keys = store.emailKeys(c);
  }

  /** The contact that already has this address, whatever its case. */
  Optional<Contact> owner(String email) {
    String key = EmailAddresses.key(email);
    if (!keys.contains(key)) return Optional.empty();
    if (owners == null) {
      owners =
          store.list(c, Optional.empty()).stream()
              .filter(k -> k.email() != null)
              .collect(
                  Collectors.toMap(
                      k -> EmailAddresses.key(k.email()),
                      Function.identity(),
                      (first, other) -> first));
    }
    return Optional.ofNullable(owners.get(key));
  }
}
