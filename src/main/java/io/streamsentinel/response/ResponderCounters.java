package io.streamsentinel.response;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.streamsentinel.domain.ActionType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the responder did, for status lines and, as the same counters, for the process's meters
 * ({@code sentinel_actions_taken_total}, ...). Counted when a batch is handled; a batch whose
 * transaction aborts is handled (and counted) again, so exact totals come from the output topics.
 */
public final class ResponderCounters {

  /** Dead-letter reason: the alert could not be decoded. */
  public static final String UNDECODABLE = "undecodable";

  private final MeterRegistry registry;
  private final LongAdder alerts = new LongAdder();
  private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();
  private final LongAdder slaMisses = new LongAdder();
  private final LongAdder notificationRetries = new LongAdder();
  private final LongAdder notificationsDelivered = new LongAdder();
  private final LongAdder notificationsGivenUp = new LongAdder();
  private final Map<ActionType, LongAdder> actions = new EnumMap<>(ActionType.class);

  /** Counters that no registry exports (tests). */
  public ResponderCounters() {
    this(new CompositeMeterRegistry()); // with no registry added, its meters record nothing
  }

  /** Counters that are also meters of {@code registry}. */
  public ResponderCounters(MeterRegistry registry) {
    this.registry = registry;
    counter("sentinel.alerts.handled", alerts, "Alerts the responder acted on");
    counter(
        "sentinel.responder.sla.misses",
        slaMisses,
        "Alerts acted on later than their severity's response target");
    counter("sentinel.notification.retries", notificationRetries, "Notification attempts repeated");
    counter("sentinel.notifications.delivered", notificationsDelivered, "Notifications delivered");
    counter(
        "sentinel.notifications.given.up",
        notificationsGivenUp,
        "Notifications abandoned after their retries (the action itself stands)");
    for (ActionType type : ActionType.values()) {
      LongAdder count = new LongAdder();
      actions.put(type, count);
      FunctionCounter.builder("sentinel.actions.taken", count, LongAdder::sum)
          .tag("type", type.name())
          .description("Actions taken, by type")
          .register(registry);
    }
  }

  private void counter(String name, LongAdder count, String description) {
    FunctionCounter.builder(name, count, LongAdder::sum)
        .description(description)
        .register(registry);
  }

  void alertHandled() {
    alerts.increment();
  }

  void action(ActionType type) {
    actions.get(type).increment();
  }

  /**
   * @param reason {@link #UNDECODABLE}
   */
  void deadLetter(String reason) {
    deadLetters
        .computeIfAbsent(
            reason,
            r -> {
              LongAdder count = new LongAdder();
              FunctionCounter.builder("sentinel.dlq.records", count, LongAdder::sum)
                  .tag("stage", "responder")
                  .tag("reason", r)
                  .description("Records sent to a dead-letter topic, by stage and reason")
                  .register(registry);
              return count;
            })
        .increment();
  }

  void slaMiss() {
    slaMisses.increment();
  }

  void notificationRetry() {
    notificationRetries.increment();
  }

  void notificationDelivered() {
    notificationsDelivered.increment();
  }

  void notificationGivenUp() {
    notificationsGivenUp.increment();
  }

  public long notificationsDeliveredCount() {
    return notificationsDelivered.sum();
  }

  public long notificationsGivenUpCount() {
    return notificationsGivenUp.sum();
  }

  public long alertCount() {
    return alerts.sum();
  }

  public long actionCount() {
    return actions.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long actionCount(ActionType type) {
    return actions.get(type).sum();
  }

  public long deadLetterCount() {
    return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long slaMissCount() {
    return slaMisses.sum();
  }

  public long notificationRetryCount() {
    return notificationRetries.sum();
  }
}
