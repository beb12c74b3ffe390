package dev.rapport.imports;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactStore;
import dev.rapport.contact.NewContact;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Duplicates among people without an address: the same profile URL, or else the same name at the
 * same company, as a contact already in the database or an earlier row of the file. The contacts
 * are read once, the first time a row without an address asks.
 */
final class KnownPeople {
  private final Connection c;
  private final ContactStore store;
  private Map<String, String> byUrl;
  private Map<String, String> byNameAndCompany;

  KnownPeople(Connection c, ContactStore store) {
    this.c = c;
    this.store = store;
  }

  /** Why {@code n} (on {@code line}) is a duplicate, or empty when it is new; remembers it. */
  Optional<String> duplicate(NewContact n, int line) {
    load();
    String url = n.profileUrl() == null ? null : ContactStore.urlKey(n.profileUrl());
    if (url != null && byUrl.containsKey(url)) return Optional.of(byUrl.get(url));
    String person = nameAndCompany(n.name(), n.company());
    if (url == null && byNameAndCompany.containsKey(person))
      return Optional.of(byNameAndCompany.get(person));
    seen(n, line);
    return Optional.empty();
  }

  /** Remembers a row that goes in, so later rows repeating it are duplicates. */
  void seen(NewContact n, int line) {
    load();
    String why = "duplicate of line " + line;
    if (n.profileUrl() != null) byUrl.putIfAbsent(ContactStore.urlKey(n.profileUrl()), why);
    byNameAndCompany.putIfAbsent(nameAndCompany(n.name(), n.company()), why);
  }

  private void load() {
    if (byUrl != null) return;
    byUrl = new HashMap<>();
    byNameAndCompany = new HashMap<>();
    for (Contact k : store.list(c, Optional.empty())) {
      String why = "duplicate of contact " + k.id() + " (" + k.name() + ")";
      if (k.profileUrl() != null) byUrl.putIfAbsent(ContactStore.urlKey(k.profileUrl()), why);
      byNameAndCompany.putIfAbsent(nameAndCompany(k.name(), k.company()), why);
    }
  }

  private static String nameAndCompany(String name, String company) {
    return (name.strip() + "\n" + (company == null ? "" : company.strip()))
        .toLowerCase(Locale.ROOT);
  }
}
