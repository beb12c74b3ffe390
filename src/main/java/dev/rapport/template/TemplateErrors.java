package dev.rapport.template;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;

/** Turns FreeMarker's exceptions into one sentence naming the file, the line and what to do. */
final class TemplateErrors {
  private TemplateErrors() {}

  /** A template that could not be found, read or parsed. */
  static TemplateRenderException loading(TemplateEngine engine, String name, Throwable e) {
    return new TemplateRenderException(loadingSentence(engine, name, e), e);
  }

  /**
   * A template that failed while rendering: a missing value, a refused built-in, a failed include.
   */
  static TemplateRenderException rendering(
      TemplateEngine engine, String name, TemplateException e) {
    String file =
        engine.describe(e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name);
    String where = e.getLineNumber() == null ? file : file + " line " + e.getLineNumber();
    if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
      String expr = e.getBlamedExpressionString();
      return new TemplateRenderException(
          where
              + ": "
              + expr
              + " is missing; give it a value or write ${"
              + expr
              + "!\"\"} in the template",
          e);
    }
    Throwable loading = loadingCause(e);
    if (loading != null)
      return new TemplateRenderException(where + ": " + loadingSentence(engine, null, loading), e);
    return new TemplateRenderException(
        where + ": " + firstParagraph(e.getMessageWithoutStackTop()), e);
  }

  /** A rendering stopped at the deadline. */
  static TemplateLimitException tooSlow(TemplateEngine engine, String name, RenderLimits limits) {
    return new TemplateLimitException(
        engine.describe(name)
            + ": rendering took longer than "
            + limits.timeText()
            + " and was stopped; a draft renders in milliseconds, so look in it (and the files it"
            + " includes) for a loop that runs nearly for ever, such as <#list 1..999999999 as i>.");
  }

  /**
   * A rendering that ran away in another way (too much text, recursion without end, memory), or
   * null when {@code failure} is an ordinary error.
   */
  static TemplateLimitException runaway(
      TemplateEngine engine, String name, RenderLimits limits, Throwable failure) {
    String file = engine.describe(name);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CappedWriter.TooLong) {
        return new TemplateLimitException(
            file
                + ": rendering wrote more than "
                + limits.outputChars() / 1024
                + " KB and was stopped; a draft is a short email, so look in it (and the files it"
                + " includes) for a loop or a ?left_pad that repeats text without end.");
      }
      if (t instanceof StackOverflowError) {
        return new TemplateLimitException(
            file
                + ": rendering went too deep and was stopped: a macro or function in it (or in a"
                + " file it includes) calls itself without end; give the recursion a way out or"
                + " remove it.");
      }
      if (t instanceof OutOfMemoryError) {
        return new TemplateLimitException(
            file
                + ": rendering needed more memory than there is and was stopped; look in it (and"
                + " the files it includes) for a value built up without end.");
      }
      if (t.getCause() == t) break;
    }
    return null;
  }

  private static String loadingSentence(TemplateEngine engine, String name, Throwable e) {
    Throwable cause = loadingCause(e);
    if (cause instanceof RefusedTemplateException r) return r.getMessage();
    if (cause instanceof ParseException p) {
      String file = engine.describe(p.getTemplateName() != null ? p.getTemplateName() : name);
      return file
          + " line "
          + p.getLineNumber()
          + ", column "
          + p.getColumnNumber()
          + ": syntax error: "
          + firstParagraph(p.getEditorMessage());
    }
    if (cause instanceof TemplateNotFoundException n) {
      return "there is no template "
          + engine.describe(n.getTemplateName())
          + " in the templates folder";
    }
    if (cause instanceof MalformedTemplateNameException m) {
      return "\""
          + m.getTemplateName()
          + "\" is not a template name inside the templates folder ("
          + m.getMalformednessDescription()
          + ")";
    }
    if (cause instanceof SecurityException) {
      return (name == null ? "" : engine.describe(name) + ": ")
          + "reading it leads outside the templates folder "
          + engine.folder()
          + " (through a symbolic link?); templates are read only from inside it";
    }
    String file = name == null ? "a template" : engine.describe(name);
    return file + " could not be read: " + (cause != null ? cause : e).getMessage();
  }

  /**
   * The most telling reason a template could not be loaded, from anywhere in the chain: FreeMarker
   * wraps a failure it cached ("an error ... on an earlier attempt") around the original one.
   */
  private static Throwable loadingCause(Throwable e) {
    Throwable io = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseException
          || t instanceof RefusedTemplateException
          || t instanceof TemplateNotFoundException
          || t instanceof MalformedTemplateNameException
          || t instanceof SecurityException) {
        return t;
      }
      if (io == null && t instanceof IOException) io = t;
      if (t.getCause() == t) break;
    }
    return io;
  }

  /**
   * FreeMarker's messages carry tips and the blamed expression after the first sentences; keep
   * those.
   */
  private static String firstParagraph(String message) {
    if (message == null) return "failed";
    String text = message;
    int nested = text.indexOf("---begin-message---");
    int nestedEnd = text.indexOf("---end-message---");
    if (nested >= 0 && nestedEnd > nested) {
      return firstParagraph(text.substring(nested + "---begin-message---".length(), nestedEnd));
    }
    for (String cut :
        new String[] {"\n----", "==>", "The blamed expression:", "The failing expression:"}) {
      int at = text.indexOf(cut);
      if (at >= 0) text = text.substring(0, at);
    }
    text = text.strip().replaceAll("\\s*\\n\\s*", " ");
    return text.endsWith(":") ? text.substring(0, text.length() - 1) : text;
  }
}
