package dev.rapport.inbox.classify;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the classifier needs to know beyond the message itself.
 *
 * @param ownAddresses the user's own addresses; mail from them is {@link Kind#OWN_MESSAGE}
 * @param clock today's date for the return-date window of auto-replies
 * @param isOurMessageId whether a Message-ID (with angle brackets) is one rapport sent: a list
 *     message answering one of ours is a reply, not list traffic
 */
public record ClassificationContext(
    Set<String> ownAddresses, Clock clock, Predicate<String> isOurMessageId) {
  public ClassificationContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(isOurMessageId, "isOurMessageId");
    ownAddresses =
        ownAddresses.stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .filter(a -> !a.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** A context that knows none of our Message-IDs. */
  public static ClassificationContext of(Clock clock, String... ownAddresses) {
    return new ClassificationContext(Set.of(ownAddresses), clock, id -> false);
  }

  public boolean isOwnAddress(String address) {
    return address != null && ownAddresses.contains(address.strip().toLowerCase(Locale.ROOT));
  }
}
