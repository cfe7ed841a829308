package io.streamsentinel.generator;

import io.streamsentinel.runtime.ProgressLine;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Formats the generator's once-a-second progress line and its closing summary. */
public final class PublishProgress {

  private final PublisherStats stats;
  private final long total;
  private final Duration planned;
  private long lastSent;
  private double lastSeconds;

  /**
   * @param total the planned event count, or 0 when the run is bounded by time or Ctrl-C
   */
  public PublishProgress(PublisherStats stats, long total) {
    this(stats, total, null);
  }

  /**
   * @param total the planned event count, or 0 when the run is bounded by time or Ctrl-C
   * @param planned the planned run time, or null when the run is bounded by count or Ctrl-C
   */
  public PublishProgress(PublisherStats stats, long total, Duration planned) {
    this.stats = stats;
    this.total = total;
    this.planned = planned;
  }

  /**
   * One line for the interval since the previous call: the {@link ProgressLine} of the sent
   * transactions (the rate over the interval), then acks, failures and the interval's ack p99.
   */
  public String line(double elapsedSeconds) {
    long sent = stats.sent();
    double rate = (sent - lastSent) / Math.max(1e-9, elapsedSeconds - lastSeconds);
    lastSent = sent;
    lastSeconds = elapsedSeconds;
    Histogram latency = stats.takeIntervalLatency();
    String progress;
    if (total > 0) {
      progress = ProgressLine.of(elapsedSeconds, "sent", sent, total, "", rate);
    } else if (planned != null) {
      progress = ProgressLine.timed(elapsedSeconds, "sent", sent, "", rate, planned);
    } else {
      progress = ProgressLine.open(elapsedSeconds, "sent", sent, "", rate);
    }
    return String.format(
        Locale.ROOT,
        "%s  acked %,d  failed %,d  ack p99 %s",
        progress,
        stats.acked(),
        stats.failed(),
        millis(latency, 99.0));
  }

  /** The closing summary. */
  public String summary(double elapsedSeconds) {
    Histogram all = stats.totalLatency();
    long sent = stats.sent();
    String labelled =
        String.format(
            Locale.ROOT,
            "fraud labelled %,d (%.2f%%) %s",
            stats.fraudLabelled(),
            sent == 0 ? 0.0 : 100.0 * stats.fraudLabelled() / sent,
            stats.fraudByPattern());
    String failures = stats.failed() == 0 ? "" : "  failures by error: " + stats.failuresByError();
    return String.format(
        Locale.ROOT,
        "Sent %,d transactions in %.1f s (%,.0f/s); acked %,d, failed %,d%n"
            + "Ack latency p50 %s, p99 %s, max %s%n%s%s",
        sent,
        elapsedSeconds,
        sent / Math.max(1e-9, elapsedSeconds),
        stats.acked(),
        stats.failed(),
        millis(all, 50.0),
        millis(all, 99.0),
        all.getTotalCount() == 0 ? "-" : ms(all.getMaxValue()),
        labelled,
        failures);
  }

  private static String millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? "-" : ms(h.getValueAtPercentile(percentile));
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
