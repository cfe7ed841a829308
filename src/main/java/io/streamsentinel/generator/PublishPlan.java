package io.streamsentinel.generator;

import java.time.Duration;
import java.util.Objects;

/**
 * How much to publish and how fast.
 *
 * @param topic where the events go
 * @param targetPerSecond events per second; 0 means as fast as the producer accepts them
 * @param maxCount stop after this many events; 0 means no limit
 * @param maxDuration stop after this long; null means no limit
 */
public record PublishPlan(
    String topic, double targetPerSecond, long maxCount, Duration maxDuration) {

  public PublishPlan {
    Objects.requireNonNull(topic, "topic");
    if (targetPerSecond < 0 || Double.isNaN(targetPerSecond)) {
      throw new IllegalArgumentException(
          "tps must be positive or 'max' but was " + targetPerSecond);
    }
    if (maxCount < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + maxCount);
    }
  }

  public boolean unthrottled() {
    return targetPerSecond == 0;
  }
}
