package dev.rapport.draft;

/**
 * A file a draft sends with it, stored with the draft when it is drafted: what is reviewed is what
 * is sent. {@code summary} says what it holds, for review ("Informational interview with Bo Lind,
 * 2026-12-08 10:00 +01:00, 30 minutes").
 */
public record Attachment(String filename, String contentType, byte[] content, String summary) {
  public Attachment {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }
}
