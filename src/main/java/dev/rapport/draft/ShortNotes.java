package dev.rapport.draft;

import java.util.Optional;

/**
 * Notes to people reached off email, which the user copies and sends by hand. A first note on
 * LinkedIn goes with a connection request, which holds at most 300 characters: an outreach note
 * longer than that cannot be sent as it reads, so it is shown as a problem on review and cannot be
 * marked sent until it fits (what rapport keeps is what was sent).
 */
public final class ShortNotes {
  /** The most a connection request's note holds. */
  public static final int CONNECTION_NOTE = 300;

  private ShortNotes() {}

  /** The length as the network counts it: characters, not UTF-16 units. */
  public static int length(String body) {
    return body.codePointCount(0, body.length());
  }

  /** Why this note cannot go as it reads, or empty when it fits (or is no outreach note). */
  public static Optional<String> problem(Draft d) {
    if (!d.byHand() || d.kind() != DraftKind.OUTREACH) return Optional.empty();
    int length = length(d.body());
    if (length <= CONNECTION_NOTE) return Optional.empty();
    return Optional.of(
        "The note is "
            + length
            + " characters; a connection note holds "
            + CONNECTION_NOTE
            + ". Shorten it with 'drafts edit "
            + d.id()
            + "' before you send it.");
  }

  /** Why {@code drafts mark-sent} refuses this note: too long, or a placeholder left in it. */
  public static Optional<String> refusal(Draft d) {
    Optional<String> placeholder = Placeholders.first(d.content());
    if (placeholder.isPresent())
      return Optional.of(
          "Draft "
              + d.id()
              + " still has a placeholder for your own words: "
              + placeholder.get().replaceAll("\\s+", " ")
              + ". Replace it with 'drafts edit "
              + d.id()
              + "' (as you wrote it when you sent it), then mark it sent.");
    return problem(d).map(p -> "Draft " + d.id() + " cannot be marked sent: " + p);
  }
}
