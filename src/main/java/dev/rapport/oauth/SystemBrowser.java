package dev.rapport.oauth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Opens a URL in the user's browser: the JDK's Desktop where it works, else xdg-open or open. */
final class SystemBrowser {
  private SystemBrowser() {}

  /** True when a browser was started; false leaves the user to open the URL. */
  static boolean open(URI url) {
    try {
      if (!GraphicsEnvironment.isHeadless()
          && Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(url);
        return true;
      }
    } catch (Exception | LinkageError e) {
      // no desktop integration here: try the command below
    }
    boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    try {
      Process p =
          new ProcessBuilder(mac ? "open" : "xdg-open", url.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      // xdg-open returns at once when it found a browser; a failure shows in its exit status.
      return !p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
