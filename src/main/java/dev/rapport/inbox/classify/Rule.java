package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * One classification rule. The classifier asks its rules in order; the first that returns a verdict
 * decides. A rule that does not recognise the message returns empty.
 */
public interface Rule {
  /** A short name, recorded in {@link Classification#rule()}. */
  String name();

  Optional<Classification> apply(MessageView message, ClassificationContext context);
}
