package io.streamsentinel.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a component's health at a fixed interval: reads its totals, turns them into rates, judges
 * them with the {@link HealthRules}, publishes an event to {@code system-metrics} whenever a rule
 * starts or stops firing, and a snapshot of the key metrics every snapshot interval. {@link
 * #current()} is what {@code /health} answers.
 */
public final class HealthMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

  private final String component;
  private final Readings.Probe probe;
  private final HealthRules rules;
  private final SystemMetricsPublisher publisher;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration snapshotInterval;
  private final ScheduledExecutorService timer;
  private volatile HealthStatus current;
  private Readings previous;
  private long previousMillis;
  private long lastSnapshotMillis = Long.MIN_VALUE;

  public HealthMonitor(
      String component,
      Readings.Probe probe,
      HealthRules rules,
      SystemMetricsPublisher publisher,
      MeterRegistry registry,
      Clock clock,
      Duration snapshotInterval) {
    this.component = component;
    this.probe = probe;
    this.rules = rules;
    this.publisher = publisher;
    this.registry = registry;
    this.clock = clock;
    this.snapshotInterval = snapshotInterval;
    this.current = rules.evaluate(component, clock.instant(), HealthSample.unmeasured());
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sentinel-health-" + component);
              t.setDaemon(true);
              return t;
            });
  }

  /** Checks every {@code interval} from now on, on the monitor's own thread. */
  public HealthMonitor start(Duration interval) {
    timer.scheduleWithFixedDelay(this::checkSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The latest verdict (every rule unmeasured before the first check). */
  public HealthStatus current() {
    return current;
  }

  /** One check: read, judge, publish changes and (when due) a snapshot. Single-threaded. */
  public synchronized HealthStatus check() throws InterruptedException {
    Readings now = probe.read();
    long nowMillis = clock.millis();
    HealthSample sample = sample(previous, previousMillis, now, nowMillis);
    HealthStatus before = current;
    HealthStatus after = rules.evaluate(component, Instant.ofEpochMilli(nowMillis), sample);
    for (RuleResult result : after.results()) {
      if (result.firing() != before.result(result.rule()).firing()) {
        log.info(
            "Health rule {} of {} {} (value {}{}, threshold {})",
            result.rule().id(),
            component,
            result.firing() ? "fires" : "clears",
            result.value(),
            result.detail() == null ? "" : " of " + result.detail(),
            result.threshold());
        publisher.publish(component, MonitoringEvents.health(after, result));
      }
    }
    current = after;
    if (lastSnapshotMillis == Long.MIN_VALUE
        || nowMillis - lastSnapshotMillis >= snapshotInterval.toMillis()) {
      publisher.publish(component, MonitoringEvents.snapshot(after, sample, now, registry));
      lastSnapshotMillis = nowMillis;
    }
    previous = now;
    previousMillis = nowMillis;
    return after;
  }

  /** Rates between two readings; the first reading only knows the lag. */
  static HealthSample sample(Readings before, long beforeMillis, Readings now, long nowMillis) {
    double lag = now.lag() < 0 ? Double.NaN : now.lag();
    double seconds = (nowMillis - beforeMillis) / 1000.0;
    if (before == null || seconds <= 0) {
      return new HealthSample(lag, Double.NaN, Double.NaN, Double.NaN, now.drift());
    }
    long handled = now.handled() - before.handled();
    long failed = now.failed() - before.failed();
    double errorRate = handled + failed > 0 ? (double) failed / (handled + failed) : Double.NaN;
    double inputRate =
        now.input() < 0 || before.input() < 0
            ? Double.NaN
            : (now.input() - before.input()) / seconds;
    double throughput = handled / seconds;
    return new HealthSample(lag, errorRate, throughput, inputRate, now.drift());
  }

  private void checkSafely() {
    try {
      check();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A failed check (the cluster unreachable for the lag) must not end the schedule.
      log.warn("Health check of {} failed: {}", component, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow(); // a check waiting on the cluster is interrupted; nothing is half-written
  }
}
