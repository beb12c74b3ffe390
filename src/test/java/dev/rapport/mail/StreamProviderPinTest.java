package dev.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class StreamProviderPinTest {
  @Test
  void jakartaMailIsToldItsStreamProviderByName() {
    StreamProviderPin.pin();
    String named = System.getProperty(StreamProviderPin.PROPERTY);
    assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    // the name Jakarta Mail then instantiates is the provider its service file lists
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(named);
  }
}
