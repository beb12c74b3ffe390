package dev.rapport.inbox.classify;

import java.util.List;

/**
 * An incoming message read once by {@link MessageReader#readAll}: one view, or one per message when
 * the bytes are an mbox of several ({@link MboxMessages}). The classifier judges it and the watcher
 * keeps its text, from the same reading.
 *
 * @param messages the views, in order; never empty
 */
public record ReadMessage(List<MessageView> messages) {
  public ReadMessage {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) throw new IllegalArgumentException("no message");
  }

  /** The message itself, or the first of an mbox: the one the verdict is about. */
  public MessageView first() {
    return messages.get(0);
  }
}
