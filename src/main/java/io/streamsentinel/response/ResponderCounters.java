package io.streamsentinel.response;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the responder did, for status lines. Counted when a batch is handled; a batch whose
 * transaction aborts is handled (and counted) again, so exact totals come from the output topics.
 */
public final class ResponderCounters {

  private final LongAdder alerts = new LongAdder();
  private final LongAdder deadLetters = new LongAdder();
  private final LongAdder slaMisses = new LongAdder();
  private final LongAdder notificationRetries = new LongAdder();
  private final Map<ActionType, LongAdder> actions = new EnumMap<>(ActionType.class);

  public ResponderCounters() {
    for (ActionType type : ActionType.values()) {
      actions.put(type, new LongAdder());
    }
  }

  void alertHandled() {
    alerts.increment();
  }

  void action(ActionType type) {
    actions.get(type).increment();
  }

  void deadLetter() {
    deadLetters.increment();
  }

  void slaMiss() {
    slaMisses.increment();
  }

  void notificationRetry() {
    notificationRetries.increment();
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
    return deadLetters.sum();
  }

  public long slaMissCount() {
    return slaMisses.sum();
  }

  public long notificationRetryCount() {
    return notificationRetries.sum();
  }
}
