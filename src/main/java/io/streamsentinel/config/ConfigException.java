package io.streamsentinel.config;

/**
 * A setting is missing, unknown or has a bad value; the message names it and where it came from.
 */
public final class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
