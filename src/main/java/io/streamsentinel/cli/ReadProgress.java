package io.streamsentinel.cli;

import io.streamsentinel.runtime.ProgressLine;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Progress of reading a topic to its end, at most one line a second: offsets done of the total,
 * rate and ETA. Counted in offsets, not records, because transaction markers take offsets too and
 * the total is only known in offsets.
 */
final class ReadProgress {

  private static final long EVERY_NANOS = 1_000_000_000L;

  private final String what;
  private final Map<TopicPartition, Long> from;
  private final long total;
  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final Map<TopicPartition, Long> reached = new HashMap<>();
  private final long startNanos;
  private long done;
  private long lastPrintNanos;

  /**
   * @param from where reading starts, per partition
   * @param to the end offsets, per partition
   */
  ReadProgress(
      String what,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> to,
      PrintWriter out,
      LongSupplier nanoTime) {
    this.what = what;
    this.from = from;
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
      sum += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
    }
    this.total = sum;
    this.out = out;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastPrintNanos = startNanos;
  }

  /** Notes a record read; prints a line when a second has passed since the last. */
  void read(ConsumerRecord<?, ?> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    long start = from.getOrDefault(tp, 0L);
    long before = reached.getOrDefault(tp, start);
    long after = record.offset() + 1;
    if (after > before) {
      reached.put(tp, after);
      done += after - before;
    }
    long now = nanoTime.getAsLong();
    if (now - lastPrintNanos >= EVERY_NANOS) {
      lastPrintNanos = now;
      out.println(line(now));
    }
  }

  String line(long now) {
    double seconds = (now - startNanos) / 1e9;
    long shown = Math.min(done, total);
    double rate = seconds > 0 ? shown / seconds : 0;
    return ProgressLine.of(seconds, what + ":", shown, total, "offsets", rate);
  }
}
