package io.streamsentinel.generator;

import java.util.PriorityQueue;

/**
 * A {@link FraudSource} that plans each pattern's events ahead into a queue ordered by time, as
 * every world's planner does; subclasses decide when a pattern starts and hand its events to {@link
 * #schedule}.
 */
abstract class QueuedFraudSource implements FraudSource {

  private final PriorityQueue<PlannedEvent> queue = new PriorityQueue<>(PlannedEvent.BY_TIME);

  @Override
  public final PlannedEvent peek() {
    return queue.peek();
  }

  @Override
  public final PlannedEvent poll() {
    return queue.poll();
  }

  /** Queues a planned event and notes it as its user's latest, so the next is placed after it. */
  final void schedule(PlannedEvent event) {
    event.user().noteEvent(event.atMicros(), event.latitude(), event.longitude());
    queue.add(event);
  }
}
