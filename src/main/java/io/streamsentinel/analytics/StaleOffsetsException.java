package io.streamsentinel.analytics;

/**
 * Another instance moved a partition's stored offset since this one read it: the partition was
 * reassigned, so this batch must not be counted here.
 */
public final class StaleOffsetsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StaleOffsetsException(String topic, int partition) {
    super("stored offset of " + topic + "-" + partition + " was moved by another instance");
  }
}
