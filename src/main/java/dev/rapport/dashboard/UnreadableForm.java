package dev.rapport.dashboard;

import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * A form the server could not read: over the size limit (413) or malformed (400). Thrown by the
 * {@link Guard} when it reads the CSRF field, answered with a page that says so, not a server
 * error.
 */
final class UnreadableForm extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;

  private UnreadableForm(int status, Throwable cause) {
    super(
        status == 413
            ? "This is more than the dashboard takes: a file of at most "
                + ImportPage.MAX_BYTES / 1024 / 1024
                + " MB for the import, "
                + Dashboard.MAX_FORM_BYTES / 1024
                + " KB for any other form. Nothing was changed."
            : "This form could not be read. Reload the page and try again; nothing was changed.",
        cause,
        false,
        false);
    this.status = status;
  }

  /** Why reading the form failed, told apart by what Jetty and Javalin throw. */
  static UnreadableForm from(Exception e) {
    return new UnreadableForm(tooLarge(e) ? 413 : 400, e);
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpResponseException r && r.getStatus() == 413) return true;
      String m = t.getMessage();
      // Jetty's multipart parser: "max file size exceeded: N", "max length exceeded: N".
      if (t instanceof IllegalStateException
          && m != null
          && m.toLowerCase(Locale.ROOT).startsWith("max ")
          && m.contains("exceeded")) return true;
    }
    return false;
  }
}
