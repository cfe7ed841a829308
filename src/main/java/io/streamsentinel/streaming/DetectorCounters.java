package io.streamsentinel.streaming;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.streamsentinel.domain.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what this detector instance did, for status lines and, as the same counters, for the
 * process's meters ({@code sentinel_transactions_scored_total}, ...). Under exactly-once a task
 * that aborts and replays counts its records again, so these are activity counters; exact totals
 * come from the output topics.
 */
public final class DetectorCounters {

  private final MeterRegistry registry;
  private final LongAdder scored = new LongAdder();
  private final Map<Severity, LongAdder> alerts = new EnumMap<>(Severity.class);
  private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder profileResets = new LongAdder();
  private final LongAdder snoozedHits = new LongAdder();
  private final Timer scoringTime;
  private final Timer eventToDecision;

  /** Counters that no registry exports (tests, benchmarks). */
  public DetectorCounters() {
    this(new CompositeMeterRegistry()); // with no registry added, its meters record nothing
  }

  /** Counters that are also meters of {@code registry}. */
  public DetectorCounters(MeterRegistry registry) {
    this.registry = registry;
    counter("sentinel.transactions.scored", scored, "Transactions scored by this detector");
    for (Severity severity : Severity.values()) {
      LongAdder count = new LongAdder();
      alerts.put(severity, count);
      FunctionCounter.builder("sentinel.alerts.raised", count, LongAdder::sum)
          .tag("severity", severity.name())
          .description("Alerts raised, by severity")
          .register(registry);
    }
    counter("sentinel.duplicates.dropped", duplicates, "Transactions dropped as already seen ids");
    counter("sentinel.profiles.reset", profileResets, "Unreadable profiles started afresh");
    counter(
        "sentinel.rules.snoozed",
        snoozedHits,
        "Rule hits silenced by an operator's snooze (rules that held but did not fire)");
    Gauge.builder("sentinel.fraud.rate", this, DetectorCounters::alertShare)
        .description("Share of scored transactions that raised an alert, since start")
        .register(registry);
    this.scoringTime =
        Timer.builder("sentinel.scoring.time")
            .description("Time to decode, de-duplicate, score and emit one scored transaction")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(1))
            .register(registry);
    this.eventToDecision =
        Timer.builder("sentinel.event.to.decision")
            .description(
                "From the transaction's Kafka record timestamp (when it was sent) to its decision")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
  }

  private void counter(String name, LongAdder count, String description) {
    FunctionCounter.builder(name, count, LongAdder::sum)
        .description(description)
        .register(registry);
  }

  void scored() {
    scored.increment();
  }

  void alert(Severity severity) {
    alerts.get(severity).increment();
  }

  /**
   * @param reason the offending field (a short, bounded vocabulary: "amount", "user_id", ...); may
   *     be null
   */
  void deadLetter(String reason) {
    deadLetters
        .computeIfAbsent(
            reason == null ? "unknown" : reason,
            r -> {
              LongAdder count = new LongAdder();
              FunctionCounter.builder("sentinel.dlq.records", count, LongAdder::sum)
                  .tag("stage", "detector")
                  .tag("reason", r)
                  .description("Records sent to a dead-letter topic, by stage and reason")
                  .register(registry);
              return count;
            })
        .increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void profileReset() {
    profileResets.increment();
  }

  void snoozedHits(int hits) {
    snoozedHits.add(hits);
  }

  void scoringTime(long nanos) {
    scoringTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  void eventToDecision(long millis) {
    eventToDecision.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** Stored profiles that could not be read and were started afresh. */
  public long profileResetCount() {
    return profileResets.sum();
  }

  /** Rule hits an operator's snooze silenced. */
  public long snoozedHitCount() {
    return snoozedHits.sum();
  }

  public long scoredCount() {
    return scored.sum();
  }

  public long alertCount() {
    return alerts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long alertCount(Severity severity) {
    return alerts.get(severity).sum();
  }

  public long deadLetterCount() {
    return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long duplicateCount() {
    return duplicates.sum();
  }

  private double alertShare() {
    long all = scored.sum();
    return all == 0 ? 0.0 : (double) alertCount() / all;
  }
}
