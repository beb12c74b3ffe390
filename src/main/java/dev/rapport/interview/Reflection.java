package dev.rapport.interview;

/**
 * What the user made of an interview right after it: what resonated, what clashed with their
 * values, their energy (1–5), and whether to continue on this path. Any part may be unknown.
 */
public record Reflection(String resonated, String clashed, Integer energy, Boolean continuePath) {
  public static final Reflection NONE = new Reflection(null, null, null, null);

  public Reflection {
    if (energy != null && (energy < 1 || energy > 5)) {
      throw new IllegalArgumentException("energy is 1 (drained) to 5 (energised)");
    }
  }

  public boolean isEmpty() {
    return resonated == null && clashed == null && energy == null && continuePath == null;
  }
}
