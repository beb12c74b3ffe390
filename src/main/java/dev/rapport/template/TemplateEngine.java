package dev.rapport.template;

import freemarker.cache.TemplateNameFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker over the user's templates folder and rapport's defaults ({@link BuiltInTemplates}): a
 * kind of template the folder has files of is read from the folder only, any other kind from the
 * defaults ({@link LayeredTemplateLoader}). Locked down: templates see only the plain values they
 * are given (maps, lists, strings, numbers, booleans), can call no Java method, create no Java
 * object, and read no file outside the folder. A missing value or a syntax error stops the
 * rendering with a sentence naming the file and the line; nothing half-rendered comes out.
 *
 * <p>A rendering runs within {@link RenderLimits}: a template that loops, recurses or includes
 * itself without end is stopped with a sentence naming it, and a good one beside it still renders.
 *
 * <p>One engine is built per process and reused: FreeMarker caches parsed templates and checks the
 * files for changes at most every few seconds.
 */
public final class TemplateEngine {
  private final Path folder;
  private final RenderLimits limits;
  private final LayeredTemplateLoader loader;
  private final RenderThread renderThread = new RenderThread();
  private Configuration configuration;

  public TemplateEngine(Path folder) {
    this(folder, RenderLimits.DEFAULT);
  }

  public TemplateEngine(Path folder, RenderLimits limits) {
    this(folder, limits, BuiltInTemplates.standard());
  }

  TemplateEngine(Path folder, RenderLimits limits, BuiltInTemplates builtIn) {
    this.folder = folder;
    this.limits = limits;
    this.loader = new LayeredTemplateLoader(folder, builtIn);
  }

  /** The user's folder as configured; it may not exist (then every template is a default). */
  public Path folder() {
    return folder;
  }

  /**
   * The file a template name stands for, as the user would type it: {@code templates/outreach.ftl}
   * for one of theirs, {@code outreach.ftl (rapport's default)} for one inside rapport.
   */
  public String describe(String name) {
    return loader.fromUser(name) ? folder.resolve(name).toString() : name + " (rapport's default)";
  }

  /** True when {@code name} is read from the user's folder rather than from rapport's defaults. */
  public boolean isUsers(String name) {
    return loader.fromUser(name);
  }

  /**
   * The user's files of a kind ({@code outreach}: {@code outreach.ftl}, {@code outreach-tier1.ftl}
   * ...), sorted; empty when the kind comes from rapport's defaults.
   */
  public List<String> usersOfKind(String kind) {
    return loader.usersOfKind(kind);
  }

  /**
   * True when the folder holds a template of this name (a template that exists but does not parse
   * counts).
   */
  public boolean exists(String name) {
    Configuration cfg = configuration();
    try {
      return cfg.getTemplate(name, null, null, null, true, true) != null;
    } catch (freemarker.core.ParseException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      throw TemplateErrors.loading(this, name, e);
    }
  }

  /** Renders the template {@code name} with {@code model}: the whole text, or an exception. */
  public String render(String name, Map<String, ?> model) {
    Configuration cfg = configuration();
    Template template;
    try {
      template = cfg.getTemplate(name);
    } catch (IOException | RuntimeException e) {
      throw TemplateErrors.loading(this, name, e);
    }
    RenderThread.Result result = renderThread.render(template, model, limits);
    if (result.timedOut()) throw TemplateErrors.tooSlow(this, name, limits);
    Throwable failure = result.failure();
    if (failure == null) return result.text();
    TemplateLimitException runaway = TemplateErrors.runaway(this, name, limits, failure);
    if (runaway != null) throw runaway;
    if (failure instanceof TemplateException e) throw TemplateErrors.rendering(this, name, e);
    // An include refused by the loader (a link out of the folder) arrives unwrapped.
    throw TemplateErrors.loading(this, name, failure);
  }

  /** The threads renderings run on (tests). */
  RenderThread renderThread() {
    return renderThread;
  }

  /**
   * Renders a message template: its first line {@code Subject: ...}, a blank line, then the body.
   */
  public RenderedMessage renderMessage(String name, Map<String, ?> model) {
    return RenderedMessage.parse(() -> describe(name), name, render(name, model));
  }

  private synchronized Configuration configuration() {
    if (configuration == null) configuration = build();
    return configuration;
  }

  private Configuration build() {
    Configuration cfg = new CheckedConfiguration(this, limits);
    cfg.setTemplateLoader(loader);
    cfg.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
    cfg.setLocalizedLookup(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(Locale.ENGLISH);
    cfg.setNumberFormat("computer");
    cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setObjectWrapper(plainValuesOnly());
    return cfg;
  }

  /**
   * Wraps maps, lists, strings, numbers, booleans and dates; refuses any other object and exposes
   * no method.
   */
  private static SimpleObjectWrapper plainValuesOnly() {
    SimpleObjectWrapper wrapper = new SimpleObjectWrapper(Configuration.VERSION_2_3_35);
    wrapper.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
    wrapper.writeProtect();
    return wrapper;
  }
}
