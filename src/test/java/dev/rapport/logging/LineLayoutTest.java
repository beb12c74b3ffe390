package dev.rapport.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LineLayoutTest {
  @Test
  void textFromMailInALogLineCannotSteerTheTerminal() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            LineLayoutTest.class.getName(),
            context.getLogger("dev.rapport.inbox.MessageHandler"),
            Level.INFO,
            "reply from contact {}: {}",
            new IllegalStateException("subject \u009b2J"),
            new Object[] {7, "bo\u001b]0;pwned\u0007@corp.test \u202e"});
    String line = new LineLayout("HH:mm").doLayout(event);
    assertThat(line)
        .contains(
            "MessageHandler - reply from contact 7: bo<U+001B>]0;pwned<U+0007>@corp.test <U+202E>")
        .contains("subject <U+009B>2J")
        .doesNotContain("\u001b", "\u0007", "\u202e", "\u009b");
  }
}
