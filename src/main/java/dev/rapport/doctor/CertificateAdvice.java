package dev.rapport.doctor;

import dev.rapport.mail.Endpoint;
import dev.rapport.mail.TlsTrust;
import java.util.Optional;

/**
 * A certificate that did not verify, told with its SHA-256 fingerprint and the config line that
 * would pin it. rapport never trusts a certificate by itself: the user compares the fingerprint
 * with the one their server shows (Proton Mail Bridge's settings, the admin) and pins it.
 */
final class CertificateAdvice {
  private CertificateAdvice() {}

  /** Empty unless the last connection through {@code e} refused a certificate. */
  static Optional<Finding> of(String check, Endpoint e, String section, String problem) {
    return TlsTrust.refused(e.tls())
        .map(
            fp ->
                Finding.fail(
                    check,
                    "the certificate of "
                        + e.host()
                        + ":"
                        + e.port()
                        + " was refused: it does not verify against this machine's trust store"
                        + (TlsTrust.pinned(e.tls()) ? " and is not the pinned one" : "")
                        + "; its SHA-256 fingerprint is "
                        + fp,
                    "only if this is your server's own certificate (compare the fingerprint with"
                        + " what the server or its admin shows), pin it: "
                        + section
                        + ".trust: \""
                        + fp
                        + "\"; otherwise check "
                        + section
                        + ".host ("
                        + problem.replaceAll("\\s+", " ")
                        + ")"));
  }
}
