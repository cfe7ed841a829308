package io.streamsentinel.bench;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A drain as an observer outside the application sees it: samples of the application's committed
 * offsets on its input, taken every few milliseconds against the input's end offsets. The first
 * commit is the first sample with any committed offset; the last is the first sample with every
 * partition committed to its end. The drain rate counts only what was committed after the first
 * commit, over the time between the two, as a user timing a detector from its consumer group would;
 * the times from the launch of the application's process to each commit are the start-up a user
 * waits through.
 */
public final class CommitTimeline {

  private final Map<TopicPartition, Long> ends;
  private final long total;
  private final long launchNanos;
  private long firstNanos = -1;
  private long committedAtFirst;
  private long lastNanos = -1;
  private long committed;

  /**
   * @param ends the input's end offsets, which do not move during the drain
   * @param launchNanos {@link System#nanoTime()} when the application's process was launched
   */
  public CommitTimeline(Map<TopicPartition, Long> ends, long launchNanos) {
    this.ends = Map.copyOf(ends);
    this.total = ends.values().stream().mapToLong(Long::longValue).sum();
    this.launchNanos = launchNanos;
  }

  /**
   * The drain from outside.
   *
   * @param recordsPerSecond offsets committed after the first commit / (last commit − first)
   * @param recordsAfterFirstCommit the numerator of the rate
   * @param secondsToFirstCommit from the launch of the process to the first commit seen
   * @param secondsToLastCommit from the launch of the process to the input committed to its end
   */
  public record Result(
      double recordsPerSecond,
      long recordsAfterFirstCommit,
      double secondsToFirstCommit,
      double secondsToLastCommit) {}

  /**
   * Notes one sample. Samples come in time order; those after the drain is complete are ignored.
   *
   * @param nanos {@link System#nanoTime()} when the sample was read
   * @param offsets the committed offset of each input partition the application has committed
   */
  public void note(long nanos, Map<TopicPartition, Long> offsets) {
    if (isDrained()) {
      return;
    }
    long sum = 0;
    boolean atEnd = true;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      long offset = Math.min(offsets.getOrDefault(end.getKey(), 0L), end.getValue());
      sum += offset;
      atEnd &= offset >= end.getValue();
    }
    committed = sum;
    if (firstNanos < 0 && !offsets.isEmpty()) {
      firstNanos = nanos;
      committedAtFirst = sum;
    }
    if (firstNanos >= 0 && atEnd) {
      lastNanos = nanos;
    }
  }

  /** Whether every partition has been committed to its end. */
  public boolean isDrained() {
    return lastNanos >= 0;
  }

  /** Offsets committed so far, over all partitions. */
  public long committed() {
    return committed;
  }

  /** The offsets the input holds, over all partitions. */
  public long total() {
    return total;
  }

  /**
   * @throws IllegalStateException before the drain is complete, or when the first commit seen
   *     already covered the whole input (too little input to time)
   */
  public Result result() {
    if (!isDrained()) {
      throw new IllegalStateException("committed " + committed + " of " + total + " so far");
    }
    long after = total - committedAtFirst;
    if (after <= 0 || lastNanos == firstNanos) {
      throw new IllegalStateException(
          "the first commit seen already covered all "
              + total
              + " records: too few records to time a drain");
    }
    return new Result(
        after / ((lastNanos - firstNanos) / 1e9),
        after,
        (firstNanos - launchNanos) / 1e9,
        (lastNanos - launchNanos) / 1e9);
  }
}
