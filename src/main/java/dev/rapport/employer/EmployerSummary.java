package dev.rapport.employer;

/**
 * An employer as {@code employers list} shows it.
 *
 * @param advocacy someone there has answered (and not declined): the list puts these first among
 *     equals
 */
public record EmployerSummary(
    long id,
    String name,
    int motivation,
    boolean posting,
    boolean advocacy,
    int contacts,
    int contacted,
    int replies,
    int interviews,
    int boosters,
    String note) {}
