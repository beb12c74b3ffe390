package dev.rapport.imports;

import dev.rapport.InvalidInputException;

/**
 * How to import: the tier for rows that do not give one, the hypothesis to link every contact to
 * (null for none), and whether to only report what would happen.
 */
public record ImportOptions(int tier, Long hypothesisId, boolean dryRun) {
  public ImportOptions {
    if (tier < 1 || tier > 4) {
      throw new InvalidInputException(
          "--tier: expected 1 (closest) to 4 (acquaintances), but found " + tier + ".");
    }
  }
}
