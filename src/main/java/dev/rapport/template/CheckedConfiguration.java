package dev.rapport.template;

import freemarker.core.Environment;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * FreeMarker's configuration, checking each template it hands out (the one rendered and every one
 * it includes) before it first runs: {@link TemplateRules}, a cap on includes per rendering (a file
 * that includes itself never ends), and FreeMarker's checks for thread interruption in every loop,
 * so that a rendering stopped for taking too long really stops instead of burning a core.
 */
final class CheckedConfiguration extends Configuration {
  private static final String INCLUDES = "dev.rapport.template.includes";

  private final TemplateEngine engine;
  private final RenderLimits limits;

  /** Templates already checked and prepared; FreeMarker caches and reuses them. */
  private final Set<Template> prepared = Collections.newSetFromMap(new WeakHashMap<>());

  CheckedConfiguration(TemplateEngine engine, RenderLimits limits) {
    super(Configuration.VERSION_2_3_35);
    this.engine = engine;
    this.limits = limits;
  }

  @Override
  public Template getTemplate(
      String name,
      Locale locale,
      Object customLookupCondition,
      String encoding,
      boolean parseAsFTL,
      boolean ignoreMissing)
      throws IOException {
    countInclude(name);
    Template template =
        super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
    if (template == null) return null;
    synchronized (prepared) {
      if (!prepared.contains(template)) {
        TemplateRules.check(engine, template);
        _CoreAPI.addThreadInterruptedChecks(template);
        prepared.add(template);
      }
    }
    return template;
  }

  /** Inside a rendering every load is an include (or import): count them against the limit. */
  private void countInclude(String name) throws RefusedTemplateException {
    Environment env = Environment.getCurrentEnvironment();
    if (env == null) return;
    Integer count = (Integer) env.getCustomAttribute(INCLUDES);
    int next = count == null ? 1 : count + 1;
    if (next > limits.includes()) {
      throw new RefusedTemplateException(
          engine.describe(name)
              + " was included more than "
              + limits.includes()
              + " times in one draft: a template that includes itself (directly or through"
              + " another) never ends; remove the include that leads back");
    }
    env.setCustomAttribute(INCLUDES, next);
  }
}
