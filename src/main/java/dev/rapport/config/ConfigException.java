package dev.rapport.config;

import dev.rapport.RapportException;

/** The config file cannot be used: names the key's path and what was expected. */
public class ConfigException extends RapportException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
