package io.streamsentinel.codec;

/** Stored profile bytes that cannot be decoded: truncated, corrupt or of an unknown format. */
public final class ProfileFormatException extends IllegalArgumentException {

  public ProfileFormatException(String message) {
    super(message);
  }

  public ProfileFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
