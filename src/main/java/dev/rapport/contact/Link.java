package dev.rapport.contact;

/** What an event points at: a draft, a message, or the command the user ran. */
public record Link(String type, Long id) {
  public static Link draft(long id) {
    return new Link("draft", id);
  }

  public static Link command(String command) {
    return new Link("command:" + command, null);
  }

  public static Link hypothesis(long id) {
    return new Link("hypothesis", id);
  }

  public static Link contact(long id) {
    return new Link("contact", id);
  }
}
