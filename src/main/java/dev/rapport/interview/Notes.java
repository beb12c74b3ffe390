package dev.rapport.interview;

import java.util.List;

/**
 * What the user records about one interview in one go: answers per question, free notes, the
 * highlight to thank them for, the reflection and referrals. Anything may be missing; all of it is
 * added to what was recorded before.
 */
public record Notes(
    List<Answer> answers,
    String notes,
    String highlight,
    Reflection reflection,
    List<Referral> referrals) {

  /** An answer to the question with this stable id ({@code number} as the user saw it). */
  public record Answer(long questionId, int number, String text) {}

  /** Someone the interviewee recommended; {@code tier} null for the default (4). */
  public record Referral(
      String name, String email, String context, boolean introductionOffered, Integer tier) {}

  public Notes {
    answers = List.copyOf(answers);
    referrals = List.copyOf(referrals);
    if (reflection == null) reflection = Reflection.NONE;
  }

  public boolean isEmpty() {
    return answers.isEmpty()
        && notes == null
        && highlight == null
        && reflection.isEmpty()
        && referrals.isEmpty();
  }
}
