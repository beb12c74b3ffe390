package dev.rapport.contact;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict validation of a bare email address (no display name, no comments, no groups) and the
 * case-insensitive key that makes contacts unique.
 */
public final class EmailAddresses {
  // A dot-atom local part and a domain of LDH labels with a dot: what real mailboxes use.
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private EmailAddresses() {}

  /**
   * Returns the address trimmed, or throws IllegalArgumentException saying what is wrong with it.
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank())
      throw new IllegalArgumentException("an email address is required");
    HeaderText.require(raw);
    String address = raw.strip();
    if (address.length() > 254)
      throw new IllegalArgumentException(
          "\"" + shorten(address) + "\" is longer than 254 characters");
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
      throw invalid(address, "it needs exactly one @ with a name before it and a domain after it");
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      throw invalid(
          address, "the part before the @ has characters or dots a mail server would refuse");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) throw invalid(address, "the domain needs a dot, as in example.org");
    for (String label : labels) {
      if (!LABEL.matcher(label).matches())
        throw invalid(address, "\"" + domain + "\" is not a valid domain");
    }
    if (!labels[labels.length - 1].matches(".*[A-Za-z].*"))
      throw invalid(address, "the domain must end in a name, not a number");
    try {
      new InternetAddress(address, true).validate();
    } catch (AddressException e) {
      throw invalid(address, e.getMessage());
    }
    return address;
  }

  /** True if {@link #normalize} accepts it. */
  public static boolean isValid(String raw) {
    try {
      normalize(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The key under which addresses are unique: the same mailbox whatever its case. */
  public static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException invalid(String address, String why) {
    return new IllegalArgumentException(
        "\"" + shorten(address) + "\" is not a valid email address: " + why);
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
