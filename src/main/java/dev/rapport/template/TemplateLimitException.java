package dev.rapport.template;

/**
 * A template that ran away: it took too long, wrote too much, included itself or recursed without
 * end. Every sample rendered from it would fail the same way, slowly, so callers may stop trying.
 */
public final class TemplateLimitException extends TemplateRenderException {
  TemplateLimitException(String message) {
    super(message);
  }
}
