package io.streamsentinel.kafka;

/** An Admin API call failed; the message says which and why. */
public final class KafkaAdminException extends RuntimeException {
  public KafkaAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
