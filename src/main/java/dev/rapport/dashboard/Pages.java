package dev.rapport.dashboard;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's own pages: {@code .ftlh} templates from the jar ({@code dashboard/} on the class
 * path), HTML-escaped by default. Locked down as the user's template engine is: no {@code ?api}, no
 * {@code ?new}, no file outside the jar's {@code dashboard/} folder. The models are view records of
 * this package (their components read as properties: {@code d.subject}), lists, maps and strings.
 */
final class Pages {
  private final Configuration cfg;

  Pages() {
    cfg = new Configuration(Configuration.VERSION_2_3_35);
    cfg.setTemplateLoader(new ClassTemplateLoader(Pages.class, "/dashboard"));
    cfg.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
    cfg.setLocalizedLookup(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(Locale.ENGLISH);
    cfg.setNumberFormat("computer");
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
    wrapper.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
    // A record's components read as properties (d.id), and nothing else of it is callable.
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
        ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    DefaultObjectWrapper built = wrapper.build();
    cfg.setObjectWrapper(built);
  }

  /** The page {@code name} ("review.ftlh") rendered with {@code model}. */
  String render(String name, Map<String, ?> model) {
    StringWriter out = new StringWriter();
    try {
      cfg.getTemplate(name).process(model, out);
    } catch (IOException | TemplateException e) {
      // A fault of ours, not the user's: logged in full, shown as a failure.
      throw new IllegalStateException("the page " + name + " could not be rendered", e);
    }
    return out.toString();
  }
}
