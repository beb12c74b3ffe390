package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NoServerInUnitTestsTest {
  @Test
  void watchesClassesNamedTestAndTheirNestedOnesButNotITs() {
    assertThat(NoServerInUnitTests.isUnitTest(NoServerInUnitTestsTest.class)).isTrue();
    assertThat(NoServerInUnitTests.isUnitTest(Inner.class)).isTrue();
    assertThat(NoServerInUnitTests.isUnitTest(NoServerInUnitTestsIT.class)).isFalse();
    assertThat(NoServerInUnitTests.isUnitTest(RapportMailIT.class)).isFalse();
  }

  @Test
  void readsTheKernelsAddressesAsPeopleWriteThem() {
    assertThat(ListeningSockets.address("0100007F:0BD1")).isEqualTo("127.0.0.1:3025");
    assertThat(ListeningSockets.address("00000000:1BA5")).isEqualTo("0.0.0.0:7077");
    assertThat(ListeningSockets.address("00000000000000000000000001000000:0D69"))
        .isEqualTo("[0:0:0:0:0:0:0:1]:3433");
  }

  @Test
  void aUnitTestListensNowhere() {
    assertThat(ListeningSockets.ofThisProcess()).isEmpty();
  }

  @Test
  void aPortProbedAndClosedAtOnceIsNoServer() throws Exception {
    NoServerInUnitTests.Watch watch = NoServerInUnitTests.Watch.start();
    for (int i = 0; i < 20; i++) FreePorts.next();
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(probe.getLocalPort()).isPositive();
    }
    assertThat(watch.stop()).isEmpty();
  }

  @Nested
  class Inner {
    @Test
    void isWatchedToo() {
      assertThat(NoServerInUnitTests.isUnitTest(getClass())).isTrue();
    }
  }
}
