package dev.rapport.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * The launchd agent for macOS ({@code ~/Library/LaunchAgents/dev.rapport.daemon.plist}): started at
 * login, started again when it ends with a failure, its output in a file of the data folder.
 */
public final class LaunchdPlist {
  public static final String NAME = ServiceSpec.LABEL + ".plist";

  private LaunchdPlist() {}

  public static String text(ServiceSpec spec, String version) {
    StringBuilder p = new StringBuilder();
    p.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append("<!-- Written by 'rapport service install' (rapport ")
        .append(xml(version).replace("--", "- -"))
        .append("); 'rapport service uninstall' removes it. -->\n")
        .append("<plist version=\"1.0\">\n<dict>\n")
        .append("  <key>Label</key>\n  <string>")
        .append(ServiceSpec.LABEL)
        .append("</string>\n")
        .append("  <key>ProgramArguments</key>\n  <array>\n");
    for (String arg : spec.command())
      p.append("    <string>").append(xml(arg)).append("</string>\n");
    p.append("  </array>\n")
        .append("  <key>WorkingDirectory</key>\n  <string>")
        .append(xml(spec.workingDirectory().toString()))
        .append("</string>\n")
        .append("  <key>EnvironmentVariables</key>\n  <dict>\n");
    for (Map.Entry<String, String> e : new TreeMap<>(spec.environment()).entrySet())
      p.append("    <key>")
          .append(xml(e.getKey()))
          .append("</key>\n    <string>")
          .append(xml(e.getValue()))
          .append("</string>\n");
    p.append("  </dict>\n")
        .append("  <key>RunAtLoad</key>\n  <true/>\n")
        // started again only after a failure, not after a clean stop
        .append(
            "  <key>KeepAlive</key>\n  <dict>\n    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n")
        .append("  <key>ThrottleInterval</key>\n  <integer>10</integer>\n")
        .append("  <key>StandardOutPath</key>\n  <string>")
        .append(xml(spec.logFile().toString()))
        .append("</string>\n")
        .append("  <key>StandardErrorPath</key>\n  <string>")
        .append(xml(spec.logFile().toString()))
        .append("</string>\n")
        .append("</dict>\n</plist>\n");
    return p.toString();
  }

  static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
