package io.streamsentinel.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.detection.Snooze;
import io.streamsentinel.detection.SnoozeSource;
import io.streamsentinel.detection.Snoozes;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code fraud-rule-snoozes} on a thread of its own and holds the snoozes the detector
 * applies, as one immutable {@link Snoozes} swapped in with one volatile write after each change:
 * the stream threads read it once per record, without a lock, and a snooze set or lifted applies
 * from the next record on. A record that is not a snooze is refused with a log line ({@code
 * sentinel.rules.snoozes.refused}) and changes nothing.
 */
public final class SnoozeWatcher implements SnoozeSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SnoozeWatcher.class);

  private final RegistryFollower<Snooze> follower;
  private volatile Snoozes current = Snoozes.NONE;

  /**
   * @param metrics where the gauge of snoozes active now ({@code sentinel.rules.snoozes.active}: by
   *     the wall clock, while transactions are judged by their event time) and the refusal counter
   *     go
   * @param clock the wall clock of that gauge
   */
  public SnoozeWatcher(ClientConfigFactory clients, MeterRegistry metrics, Clock clock) {
    Gauge.builder("sentinel.rules.snoozes.active", this, w -> w.current.activeAt(clock.instant()))
        .description("operators' rule snoozes in force now (until still ahead)")
        .register(metrics);
    this.follower =
        new RegistryFollower<>(
            clients,
            ClientCatalog.SNOOZE_WATCHER,
            TopicCatalog.FRAUD_RULE_SNOOZES,
            SnoozeRecordCodec::decode,
            Snooze::key,
            Counter.builder("sentinel.rules.snoozes.refused").register(metrics),
            RegistryTopic.Tombstones.DELETE);
  }

  /** Starts following the snoozes. */
  public SnoozeWatcher start() {
    follower.start(this::follow);
    return this;
  }

  /**
   * Waits until the snoozes have been read up to their end once, so a detector starts with them.
   *
   * @return whether it caught up within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  @Override
  public Snoozes current() {
    return current;
  }

  private void follow() {
    Map<String, Snooze> was = byKey(current);
    Snoozes next = Snoozes.of(follower.all());
    current = next;
    Map<String, Snooze> now = byKey(next);
    now.forEach(
        (key, s) -> {
          if (!s.equals(was.get(key))) {
            LOG.info(
                "Snooze held: rule {} for user {}{} until {} ({}, by {})",
                s.rule(),
                s.userId(),
                card(s),
                s.until(),
                s.reason(),
                s.operator());
          }
        });
    was.forEach(
        (key, s) -> {
          if (!now.containsKey(key)) {
            LOG.info("Snooze lifted: rule {} for user {}{}", s.rule(), s.userId(), card(s));
          }
        });
  }

  private static Map<String, Snooze> byKey(Snoozes snoozes) {
    Map<String, Snooze> map = new HashMap<>();
    snoozes.all().forEach(s -> map.put(s.key(), s));
    return map;
  }

  private static String card(Snooze s) {
    return Snooze.cardPhrase(s.cardLast4());
  }

  /** Stops following; the snoozes in force stay readable. */
  @Override
  public void close() {
    follower.close();
  }
}
