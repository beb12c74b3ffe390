package dev.rapport.contact;

import java.util.Locale;
import java.util.Set;

/**
 * The key a company is matched on: "ACME, Inc." at one contact and "Acme" at another are the same
 * employer. Trimmed, lower-cased, spaces collapsed, and a trailing legal form (Inc, Ltd, GmbH, …)
 * dropped; a name that is nothing but a legal form keeps it.
 */
public final class CompanyNames {
  /** Legal forms written after a company's name, without their dots. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "llp",
          "ltd",
          "limited",
          "corp",
          "corporation",
          "co",
          "company",
          "plc",
          "gmbh",
          "ag",
          "kg",
          "se",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "bv",
          "nv",
          "oy",
          "ab",
          "as",
          "pty",
          "pvt",
          "lp");

  private CompanyNames() {}

  /** The matching key, or null for no company. */
  public static String key(String company) {
    if (company == null) return null;
    String s = company.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (s.isEmpty()) return null;
    while (true) {
      String trimmed = s.replaceAll("[\\s,.&]+$", "");
      int space = trimmed.lastIndexOf(' ');
      if (space < 0) return trimmed.isEmpty() ? s : trimmed;
      String last = trimmed.substring(space + 1).replace(".", "");
      if (!LEGAL_FORMS.contains(last)) return trimmed;
      s = trimmed.substring(0, space);
    }
  }
}
