package dev.rapport.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = RapportCommand.class.getPackage().getImplementationVersion();
    return new String[] {"rapport " + (v == null ? "development build" : v)};
  }
}
