package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.interview.Interview;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interviews list}: every interview, in time order, in the user's zone. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List interviews in time order (times in pacing.timezone).")
final class InterviewsListCommand extends AppCommand {
  @Option(names = "--status", paramLabel = "S", description = "SCHEDULED, DONE or CANCELLED.")
  Interview.Status status;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<Interview> all = app().interviews().list(java.util.Optional.ofNullable(status));
    Map<Long, String> names =
        app().contacts().list(java.util.Optional.empty()).stream()
            .collect(Collectors.toMap(Contact::id, Contact::name, (a, b) -> a));
    Function<Interview, String> name = i -> names.getOrDefault(i.contactId(), "?");
    if (json) {
      printJson(all.stream().map(i -> InterviewViews.of(i, name.apply(i), this)).toList());
      return 0;
    }
    if (all.isEmpty()) {
      out().println("No interviews yet. Book one with 'interviews schedule CONTACT --at ...'.");
      return 0;
    }
    TextTable table = new TextTable(50, "ID", "WHEN", "MIN", "STATUS", "CONTACT", "WHERE");
    for (Interview i : all) {
      table.row(
          i.id(),
          shown(i.startsAt()),
          i.minutes(),
          i.status() + (i.source() == Interview.Source.INVITATION ? " (invitation)" : ""),
          i.contactId() + " " + name.apply(i),
          i.place());
    }
    table.print(out());
    return 0;
  }
}
