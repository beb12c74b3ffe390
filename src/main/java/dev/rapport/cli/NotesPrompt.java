package dev.rapport.cli;

import dev.rapport.contact.EmailAddresses;
import dev.rapport.interview.Notes;
import dev.rapport.interview.Reflection;
import dev.rapport.question.Question;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes interview notes line by line: each question of the set, then free notes, the highlight, the
 * reflection and referrals. A blank line skips; the end of the input ends it early. Works the same
 * whether the input is a terminal or a pipe.
 */
final class NotesPrompt {
  private final BufferedReader in;
  private final PrintWriter out;
  private boolean ended;

  NotesPrompt(BufferedReader in, PrintWriter out) {
    this.in = in;
    this.out = out;
  }

  Notes ask(List<Question> set) {
    out.println("One line per answer; an empty line skips. End early with Ctrl-D.");
    List<Notes.Answer> answers = new ArrayList<>();
    for (Question q : set) {
      String a = line(q.number() + ". " + q.text());
      if (a != null) answers.add(new Notes.Answer(q.id(), q.number(), a));
    }
    String notes = line("Other notes");
    String highlight = line("Something they said to thank them for (the highlight)");
    String resonated = line("What resonated with you?");
    String clashed = line("What clashed with your values?");
    Integer energy = energy();
    Boolean cont = yesNo("Continue on this path? (y/n)");
    List<Notes.Referral> referrals = new ArrayList<>();
    while (!ended) {
      String name = line("Whom did they suggest you talk to? Name (empty when done)");
      if (name == null) break;
      String email = email();
      if (email == null) {
        out.println("  Skipped " + name + ": a referral needs an address to become a contact.");
        continue;
      }
      String context = line("  Context (who they are, why talk to them)");
      Boolean offered = yesNo("  Did they offer an introduction? (y/n)");
      referrals.add(new Notes.Referral(name, email, context, Boolean.TRUE.equals(offered), null));
    }
    out.flush();
    return new Notes(
        answers, notes, highlight, new Reflection(resonated, clashed, energy, cont), referrals);
  }

  private Integer energy() {
    while (true) {
      String e = line("Your energy after it, 1 (drained) to 5 (energised)");
      if (e == null) return null;
      if (e.matches("[1-5]")) return Integer.parseInt(e);
      out.println("  Please answer with a number from 1 to 5, or an empty line to skip.");
    }
  }

  private Boolean yesNo(String prompt) {
    while (true) {
      String a = line(prompt);
      if (a == null) return null;
      switch (a.toLowerCase(Locale.ROOT)) {
        case "y", "yes" -> {
          return true;
        }
        case "n", "no" -> {
          return false;
        }
        default -> out.println("  Please answer y or n, or an empty line to skip.");
      }
    }
  }

  private String email() {
    while (true) {
      String e = line("  Their email address");
      if (e == null) return null;
      try {
        return EmailAddresses.normalize(e);
      } catch (IllegalArgumentException ex) {
        out.println("  " + ex.getMessage() + ". Try again, or an empty line to skip.");
      }
    }
  }

  /** The answer to a prompt, stripped; null for an empty line or the end of the input. */
  private String line(String prompt) {
    if (ended) return null;
    out.print(prompt + "\n> ");
    out.flush();
    try {
      String l = in.readLine();
      if (l == null) {
        ended = true;
        out.println();
        return null;
      }
      l = l.strip();
      return l.isEmpty() ? null : l;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
