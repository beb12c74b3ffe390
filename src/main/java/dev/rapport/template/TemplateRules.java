package dev.rapport.template;

import freemarker.core.TemplateElement;
import freemarker.template.Template;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a parsed template may not contain, checked once per file before it first runs. FreeMarker
 * already refuses {@code <#setting api_builtin_enabled>} and the like as unknown settings; this
 * refuses the settings it does allow that change what a draft says ({@code classic_compatible}
 * turns a missing value into silence), and {@code ?eval} and {@code ?interpret}, which build
 * template code from text at run time where no check reaches.
 */
final class TemplateRules {
  /** Formats only: they change how values are written, never whether an error stops the draft. */
  static final List<String> ALLOWED_SETTINGS =
      List.of(
          "locale",
          "number_format",
          "boolean_format",
          "date_format",
          "time_format",
          "datetime_format",
          "time_zone",
          "c_format");

  private static final Pattern SETTING = Pattern.compile("^[<\\[]#setting\\s+([A-Za-z_]+)");
  private static final Pattern BUILT_IN = Pattern.compile("\\?(eval|interpret)\\b");

  private TemplateRules() {}

  /** Throws naming the file, line and what is not allowed; returns when the template is fine. */
  static void check(TemplateEngine engine, Template template) throws RefusedTemplateException {
    String problem = firstProblem(template.getRootTreeNode());
    if (problem != null) {
      throw new RefusedTemplateException(
          engine.describe(template.getSourceName()) + " line " + problem);
    }
  }

  /** The first problem as "LINE: sentence", the innermost element first, or null. */
  private static String firstProblem(TemplateElement element) {
    if (element == null) return null;
    for (Enumeration<?> e = element.children(); e.hasMoreElements(); ) {
      String inner = firstProblem((TemplateElement) e.nextElement());
      if (inner != null) return inner;
    }
    if (element.getNodeName().equals("TextBlock")) return null;
    String source = element.getSource();
    Matcher setting = SETTING.matcher(source);
    if (setting.find()) {
      String name = setting.group(1).toLowerCase(Locale.ROOT);
      if (!ALLOWED_SETTINGS.contains(name)) {
        return element.getBeginLine()
            + ": <#setting "
            + setting.group(1)
            + "> is not allowed in rapport's templates, because it changes how errors and values"
            + " come out; remove it (a template may set only "
            + String.join(", ", ALLOWED_SETTINGS)
            + ")";
      }
      return null;
    }
    Matcher builtIn = BUILT_IN.matcher(source);
    if (builtIn.find()) {
      return element.getBeginLine()
          + ": ?"
          + builtIn.group(1)
          + " is not allowed in rapport's templates: it runs text as template code, out of reach"
          + " of the checks; write the template code out instead";
    }
    return null;
  }
}
