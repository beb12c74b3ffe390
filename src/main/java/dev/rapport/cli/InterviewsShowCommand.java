package dev.rapport.cli;

import dev.rapport.interview.Interview;
import dev.rapport.interview.NotesService;
import dev.rapport.interview.Reflection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interviews show CONTACT}: the latest interview with everything recorded about it. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show a contact's latest interview: answers, notes, highlight, reflection, referrals.")
final class InterviewsShowCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  record ShowJson(
      InterviewViews.InterviewJson interview,
      List<NotesService.ShownAnswer> answers,
      List<String> notes,
      List<NotesService.ShownReferral> referrals) {}

  @Override
  public Integer call() {
    NotesService.Details d = app().notes().details(contactId);
    Interview i = d.interview();
    if (json) {
      printJson(
          new ShowJson(
              InterviewViews.of(i, d.contact().name(), this),
              d.answers(),
              d.notes(),
              d.referrals()));
      return 0;
    }
    out()
        .printf(
            "Interview %d with %s (contact %d): %s, %s%n",
            i.id(), d.contact().name(), contactId, i.status(), InterviewViews.when(i, this));
    for (NotesService.ShownAnswer a : d.answers()) {
      out()
          .printf(
              "%n%s %s%n   %s%n",
              a.number() == null ? "(retired)" : a.number() + ".",
              a.question(),
              a.text().replace("\n", "\n   "));
    }
    for (String n : d.notes()) out().printf("%nNotes%n   %s%n", n.replace("\n", "\n   "));
    if (i.highlight() != null) out().printf("%nHighlight: %s%n", i.highlight());
    Reflection r = i.reflection();
    if (!r.isEmpty()) {
      out().printf("%nReflection%n");
      if (r.resonated() != null) out().println("   resonated: " + r.resonated());
      if (r.clashed() != null) out().println("   clashed:   " + r.clashed());
      if (r.energy() != null) out().println("   energy:    " + r.energy() + "/5");
      if (r.continuePath() != null)
        out().println("   path:      " + (r.continuePath() ? "continue" : "stop"));
    }
    if (!d.referrals().isEmpty()) {
      out().printf("%nReferrals%n");
      for (NotesService.ShownReferral ref : d.referrals()) {
        out()
            .printf(
                "   contact %d %s <%s>%s%s%n",
                ref.contactId(),
                ref.name(),
                ref.email(),
                ref.introductionOffered() ? ", introduction offered" : "",
                ref.context() == null ? "" : ": " + ref.context());
      }
    }
    return 0;
  }
}
