package dev.rapport.template;

import dev.rapport.RapportException;

/**
 * A template could not be read, parsed or rendered. The message names the file, the line (and
 * column, for a syntax error) and what to do; no half-rendered text survives it.
 */
public class TemplateRenderException extends RapportException {
  public TemplateRenderException(String message) {
    super(message);
  }

  public TemplateRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
