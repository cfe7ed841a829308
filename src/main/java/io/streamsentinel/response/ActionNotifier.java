package io.streamsentinel.response;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.runtime.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notification actions ({@code NOTIFY_*}) that the responder wrote to {@code
 * user-actions}, in a consumer group of its own ({@link #GROUP}, read_committed): the responder's
 * transaction never waits on a webhook, so a failing or hanging one cannot hold a block back.
 *
 * <p>At-least-once: the offsets of a batch are committed after each of its notifications was
 * delivered or given up on, so a crash delivers again (the action id is the idempotency key). A
 * notification that still fails after its {@link Backoff} is given up with a warning and a counter;
 * the action it tells about stands. Each attempt is bounded by the notifier's own timeout.
 */
public final class ActionNotifier implements Runnable {

  /** Its consumer group on {@code user-actions}. */
  public static final String GROUP = ClientCatalog.NOTIFICATION_GROUP;

  /**
   * Older notifications are skipped, not sent: news of a block hours ago helps nobody, and a new
   * group starting at the beginning of the 90-day topic must not page anyone for all of it.
   */
  public static final Duration MAX_AGE = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(ActionNotifier.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, byte[]> consumer;
  private final Notifier notifier;
  private final Backoff retry;
  private final Clock clock;
  private final ResponderCounters counters;
  private volatile boolean stopRequested;
  private volatile Exception fatal;

  public ActionNotifier(
      Consumer<String, byte[]> consumer,
      Notifier notifier,
      Backoff retry,
      Clock clock,
      ResponderCounters counters) {
    this.consumer = consumer;
    this.notifier = notifier;
    this.retry = retry;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(TopicCatalog.USER_ACTIONS));
    try {
      while (!stopRequested) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
          deliver(record);
        }
        // A stop mid-batch leaves it uncommitted: delivered again after a restart.
        if (!records.isEmpty() && !stopRequested) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll up
    } catch (RuntimeException e) {
      fatal = e; // the process exits non-zero with it
      log.error("Notifier stopped by an error", e);
    }
  }

  /** Stops after the current notification; safe from any thread. */
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  /** What stopped it early; null while it runs or after a normal stop. */
  public Exception fatalError() {
    return fatal;
  }

  private void deliver(ConsumerRecord<String, byte[]> record) {
    if (stopRequested) {
      return;
    }
    UserAction action;
    try {
      action = UserActionCodec.decode(record.value());
    } catch (RuntimeException e) { // a tombstone or foreign bytes: nothing to notify
      log.warn(
          "Skipped {}-{}@{}: not an action: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (!action.actionType().name().startsWith("NOTIFY_")) {
      return;
    }
    if (Instant.ofEpochMilli(record.timestamp()).isBefore(clock.instant().minus(MAX_AGE))) {
      log.debug("Skipped stale notification {}", action.actionId());
      return;
    }
    for (int attempt = 1; !stopRequested; attempt++) {
      try {
        notifier.notify(action);
        counters.notificationDelivered();
        return;
      } catch (Notifier.NotificationException e) {
        if (!e.isTransient() || retry.isExhausted(attempt)) {
          counters.notificationGivenUp();
          log.warn(
              "Gave up notifying {} for {} (action {}) after {} attempt(s): {}",
              action.actionType(),
              action.userId(),
              action.actionId(),
              attempt,
              e.getMessage());
          return;
        }
        counters.notificationRetry();
        pause(attempt);
      }
    }
  }

  /** The bounded backoff between attempts; an interrupt ends it early. */
  private void pause(int attempt) {
    try {
      retry.pause(attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopRequested = true;
    }
  }
}
