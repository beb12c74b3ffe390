package dev.rapport.inbox;

import java.util.List;

/**
 * What one poll of the inbox did.
 *
 * @param examined messages looked at (header fields only, for most)
 * @param downloaded messages whose body was downloaded because they might concern a contact
 * @param matched messages that concerned a contact
 * @param rescanned true when the server had renumbered its UIDs and mail was matched again by
 *     Message-ID
 * @param softBounces one line for each soft bounce of a contact's mail: delivery delayed, the mail
 *     system still trying
 */
public record PollResult(
    int examined, int downloaded, int matched, boolean rescanned, List<String> softBounces) {
  public PollResult {
    softBounces = List.copyOf(softBounces);
  }
}
