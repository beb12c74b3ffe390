package dev.rapport.setup;

import java.util.Optional;

/**
 * The servers found for an address, and how: {@code how} says which step found them ("the built-in
 * table (Gmail)", "autoconfig at https://…", "DNS SRV records", "the MX host … (Google
 * Workspace)"). {@code provider} is set when the servers are a known provider's, whose habits
 * (sign-in, Sent copies, daily limit) then apply.
 *
 * @param imapUser the IMAP user name, as the source says (usually the address)
 * @param smtpUser the SMTP user name
 * @param oauth2 true when the source says the servers want OAuth2 sign-in
 */
public record Found(
    Server imap,
    Server smtp,
    String imapUser,
    String smtpUser,
    boolean oauth2,
    String how,
    Optional<Provider> provider) {

  static Found of(Provider p, String address, String how) {
    String local = address.substring(0, address.indexOf('@'));
    return new Found(
        p.imap(),
        p.smtp(),
        p.imapLocalPart() ? local : address,
        address,
        p.signIn() == Provider.SignIn.OAUTH2,
        how,
        Optional.of(p));
  }
}
