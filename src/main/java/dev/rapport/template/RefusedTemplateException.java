package dev.rapport.template;

import java.io.IOException;

/**
 * A template refused when it is loaded, before it runs: a setting or built-in rapport does not
 * allow, or an include too many. An {@link IOException} because FreeMarker's loading path only
 * passes those through; its message is a whole sentence naming the file.
 */
final class RefusedTemplateException extends IOException {
  RefusedTemplateException(String message) {
    super(message);
  }
}
