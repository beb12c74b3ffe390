package dev.rapport.inbox.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject that begins with the prefix an auto-responder puts before the original subject, in the
 * languages Outlook, Gmail and common webmailers use ("Automatic reply:", "Auto:", "Out of
 * Office:", "Abwesenheitsnotiz:", "Réponse automatique :", "Respuesta automática:", "Automatisch
 * antwoord:", "Autosvar:" …), followed by a colon. Only the very start counts, case ignored: "Re:
 * Out of office plans" or a body that mentions a vacation is a person writing, and so is "Re: Auto:
 * …", a person answering an auto-reply.
 */
final class AutoReplySubjectRule implements Rule {
  private static final Pattern PREFIX =
      Pattern.compile(
          "(?iu)^\\s*(automatic reply|auto[- ]?reply|auto[- ]?response|auto|autosvar|automatisk svar|"
              + "out of (the )?office( auto ?reply| reply)?|abwesenheitsnotiz|automatische antwort|"
              + "r[ée]ponse automatique|absence|respuesta autom[áa]tica|fuera de la oficina|automatisch antwoord|"
              + "afwezig|risposta automatica|resposta autom[áa]tica|automaattinen vastaus|automatyczna odpowied[źz])\\s*:");

  @Override
  public String name() {
    return "auto-reply-subject";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    Matcher m = PREFIX.matcher(message.subject());
    if (!m.find()) return Optional.empty();
    return Optional.of(
        AutoReplies.of(name(), "subject begins \"" + m.group().strip() + "\"", message, context));
  }
}
