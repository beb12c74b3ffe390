package dev.rapport.employer;

import java.util.List;

/** One employer with the contacts there, for {@code employers show}. */
public record EmployerDetails(
    EmployerSummary employer, List<Person> contacts, SecondContact secondContact) {

  /** A contact at the employer; {@code booster}: they answered within 3 business days. */
  public record Person(
      long id, String name, String role, String stage, boolean booster, boolean replied) {}
}
