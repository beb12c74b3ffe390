package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The guard against servers in unit tests, shown servers (which only an IT may start). */
class NoServerInUnitTestsIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aServerSocketThatStaysOpenIsSeenWithItsAddress() throws Exception {
    NoServerInUnitTests.Watch watch = NoServerInUnitTests.Watch.start();
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + s.getLocalPort();
      Await.until(WAIT, "the watch to see " + address, () -> watch.seen().containsValue(address));
    }
    assertThat(watch.stop()).hasSize(1);
  }

  @Test
  void soIsAChannelAsJettyOpensIt() throws Exception {
    NoServerInUnitTests.Watch watch = NoServerInUnitTests.Watch.start();
    try (ServerSocketChannel c = ServerSocketChannel.open()) {
      c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String address = "127.0.0.1:" + ((InetSocketAddress) c.getLocalAddress()).getPort();
      Await.until(WAIT, "the watch to see " + address, () -> watch.seen().containsValue(address));
    }
    assertThat(watch.stop()).hasSize(1);
  }

  @Test
  void aServerAlreadyRunningWhenTheTestBeginsCountsAtOnce() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      NoServerInUnitTests.Watch watch = NoServerInUnitTests.Watch.start();
      assertThat(watch.stop()).containsValue("127.0.0.1:" + s.getLocalPort());
    }
  }

  @Test
  void aUnitTestThatListensFailsNamingTheAddress() throws Exception {
    NoServerInUnitTests guard = new NoServerInUnitTests();
    ExtensionContext unit = context(NoServerInUnitTestsTest.class);
    guard.beforeEach(unit);
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      NoServerInUnitTests.Watch watch =
          (NoServerInUnitTests.Watch) store(unit).values().iterator().next();
      Await.until(WAIT, "the watch to see the server", () -> !watch.seen().isEmpty());
      assertThatThrownBy(() -> guard.afterEach(unit))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "NoServerInUnitTestsTest listened on 127.0.0.1:"
                  + s.getLocalPort()
                  + " during 'a test()'")
          .hasMessageContaining("Rename it *IT");
    }
  }

  @Test
  void anITMayListen() throws Exception {
    NoServerInUnitTests guard = new NoServerInUnitTests();
    ExtensionContext it = context(NoServerInUnitTestsIT.class);
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      guard.beforeEach(it);
      guard.afterEach(it);
    }
    assertThat(store(it)).isEmpty();
  }

  // The guard reads three things of the context: the class, the display name and its store.
  private final Map<ExtensionContext, Map<Object, Object>> stores = new HashMap<>();

  private Map<Object, Object> store(ExtensionContext context) {
    return stores.get(context);
  }

  private ExtensionContext context(Class<?> testClass) {
    Map<Object, Object> values = new HashMap<>();
    ExtensionContext.Store store =
        (ExtensionContext.Store)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "put" -> values.put(args[0], args[1]);
                      case "remove" -> values.remove(args[0]);
                      case "get" -> values.get(args[0]);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    ExtensionContext context =
        (ExtensionContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRequiredTestClass" -> testClass;
                      case "getDisplayName" -> "a test()";
                      case "getStore" -> store;
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    stores.put(context, values);
    return context;
  }
}
