package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * Mail from one of the user's own addresses (a copy of what they sent, a note to themselves) is
 * never a reply.
 */
final class OwnMessageRule implements Rule {
  @Override
  public String name() {
    return "own-message";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    for (String address : message.fromAddresses()) {
      if (context.isOwnAddress(address)) {
        return Optional.of(
            Classification.of(Kind.OWN_MESSAGE, name()).withDetail("from " + address));
      }
    }
    return Optional.empty();
  }
}
