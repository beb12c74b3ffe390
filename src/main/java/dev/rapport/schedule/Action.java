package dev.rapport.schedule;

/** What the scheduler will do next for a contact; the name is what {@code contacts show} prints. */
public enum Action {
  FOLLOW_UP("draft a follow-up"),
  NO_RESPONSE("mark NO_RESPONSE: the last nudge went unanswered"),
  THANK_YOU("draft a thank-you"),
  THANK_YOU_REMINDER("remind you of the thank-you waiting for review"),
  KEEP_IN_TOUCH("draft a keep-in-touch note"),
  REFERRAL_NUDGE("draft a gentle reminder of the introduction offered"),
  INTERVIEW_PREP("remind you of the interview today, with your questions and notes");

  private final String description;

  Action(String description) {
    this.description = description;
  }

  /** A few words for people: "draft a follow-up". */
  public String description() {
    return description;
  }
}
