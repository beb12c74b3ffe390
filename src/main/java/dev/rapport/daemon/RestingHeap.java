package dev.rapport.daemon;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the memory the daemon's start-up used and no longer needs. A JVM sizes its heap for
 * the machine (a 64th of its memory at first) and keeps what it committed; the daemon's live data
 * is a few tens of MB even with 10,000 contacts (docs/BENCH.md). Once started it asks the collector
 * to keep little free heap (MinHeapFreeRatio 10, MaxHeapFreeRatio 30, where the user has not set
 * them) and collects once, which shrinks the heap to about what is live. This holds for {@code java
 * -jar rapport.jar run} with no flags; the launcher adds a small collector and heap limits on top.
 *
 * <p>Through the platform MBean server rather than {@code com.sun.management} classes, so that a
 * runtime without the {@code jdk.management} module simply skips the flags.
 */
public final class RestingHeap {
  private static final Logger log = LoggerFactory.getLogger(RestingHeap.class);
  private static final String DIAGNOSTIC = "com.sun.management:type=HotSpotDiagnostic";

  private RestingHeap() {}

  public static void settle() {
    // Min first: the JVM refuses a MaxHeapFreeRatio below MinHeapFreeRatio.
    lowerIfDefault("MinHeapFreeRatio", 10);
    lowerIfDefault("MaxHeapFreeRatio", 30);
    System.gc(); // once, after start-up: its garbage is most of the heap at that moment
  }

  private static void lowerIfDefault(String flag, int value) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(DIAGNOSTIC);
      if (!server.isRegistered(name)) return;
      CompositeData option =
          (CompositeData)
              server.invoke(name, "getVMOption", new Object[] {flag}, sig(String.class));
      if (!"DEFAULT".equals(String.valueOf(option.get("origin")))) return; // the user's choice
      if (Integer.parseInt(String.valueOf(option.get("value"))) <= value) return;
      server.invoke(
          name,
          "setVMOption",
          new Object[] {flag, String.valueOf(value)},
          sig(String.class, String.class));
    } catch (JMException | RuntimeException e) {
      log.debug("heap flag {} left as it is: {}", flag, e.toString());
    }
  }

  private static String[] sig(Class<?>... types) {
    String[] s = new String[types.length];
    for (int i = 0; i < types.length; i++) s[i] = types[i].getName();
    return s;
  }
}
