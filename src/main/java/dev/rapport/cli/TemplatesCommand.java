package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.template.BuiltInTemplates;
import dev.rapport.template.TemplateExport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code templates}: rapport's default templates, and copies of them to edit. */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = "rapport's default templates: copy them out to edit.",
    subcommands = {TemplatesCommand.Export.class})
final class TemplatesCommand {

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Copy the default templates (and their README) into DIR, to edit them. A kind you keep a"
              + " file of in your templates folder is read from there only; delete the files you"
              + " do not change to keep getting rapport's.")
  static final class Export extends AppCommand {
    @Parameters(paramLabel = "DIR", description = "The folder to copy into (made if missing).")
    Path dir;

    @Option(names = "--force", description = "Replace files of the same name in DIR.")
    boolean force;

    @Override
    public Integer call() {
      List<String> names = new TemplateExport(BuiltInTemplates.standard()).exportTo(dir, force);
      out()
          .println("Copied " + names.size() + " files to " + dir + ": " + String.join(", ", names));
      Path inEffect = templatesInEffect();
      if (inEffect != null && same(inEffect, dir)) {
        out().println("This is your templates folder: rapport uses your copies from now on.");
      } else {
        out()
            .println(
                "rapport reads your templates from "
                    + (inEffect == null ? "the 'templates:' folder of the config" : inEffect)
                    + "; to use these, point 'templates:' in the config at "
                    + dir.toAbsolutePath().normalize()
                    + ", or copy the files you change there.");
      }
      return 0;
    }

    /** The folder the config names, or null when the config cannot be read. */
    private Path templatesInEffect() {
      try {
        return root().config().templates();
      } catch (RapportException e) {
        return null;
      }
    }

    private static boolean same(Path a, Path b) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
