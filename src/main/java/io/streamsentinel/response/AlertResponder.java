package io.streamsentinel.response;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.AlertCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.Alert;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert responder: consume alerts, decide actions (pure {@link ActionPolicy}), produce the
 * actions and the account status, and commit the consumed offsets in the same Kafka transaction. A
 * crash anywhere before the commit aborts the transaction: the alerts are read again and nothing
 * half-done is visible to read_committed readers. It calls nothing outside Kafka, so a slow or
 * failing webhook never delays a block: notifications are delivered afterwards, from {@code
 * user-actions}, by the {@link ActionNotifier}.
 *
 * <p>A transaction stays open across polls for up to the commit interval, as Kafka Streams' does:
 * alerts that trickle in (an at_least_once detector writes each as it decides it) then share one
 * transaction instead of costing the broker one each (its requests, markers and offset commit). Its
 * partitions' offsets are committed before they are revoked; a stop commits it too. With an
 * interval of zero each poll's alerts commit at once.
 */
public final class AlertResponder implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(AlertResponder.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * Largest action or status record the responder writes. One from a detector's alert is a few
   * hundred bytes (its ids and reason codes are bounded); a larger one comes from an alert that
   * carries megabytes in a field copied to the output, and is dead-lettered before it can make the
   * producer refuse it (that aborts the transaction, and the alert is read again, for ever). The
   * detector's own record limit ({@code limits.max-record-bytes}).
   */
  static final int MAX_OUTPUT_BYTES = TransactionLimits.DEFAULT_MAX_RECORD_BYTES;

  private final Consumer<String, byte[]> consumer;
  private final Producer<String, byte[]> producer;
  private final ActionPolicy policy;
  private final Supplier<Map<String, AlertHistory>> historyLoader;
  private final Clock clock;
  private final ResponderCounters counters;
  private final long commitIntervalNanos;
  private Map<String, AlertHistory> histories = new HashMap<>();

  /** The transaction open since its first alert, or null; on the loop's thread only. */
  private Open open;

  /**
   * Assigned since the history was last loaded: it is loaded again, on the loop's thread, before
   * any alert is acted on. Read and written on that thread only (the listener runs inside poll).
   */
  private final Set<TopicPartition> awaitingHistory = new HashSet<>();

  private volatile boolean stopRequested;
  private volatile Exception fatal;

  /** Each poll's alerts in a transaction of their own (a commit interval of zero). */
  public AlertResponder(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      ActionPolicy policy,
      Supplier<Map<String, AlertHistory>> historyLoader,
      Clock clock,
      ResponderCounters counters) {
    this(consumer, producer, policy, historyLoader, clock, counters, Duration.ZERO);
  }

  /**
   * @param commitInterval how long a transaction may stay open for more alerts; zero commits each
   *     poll's at once
   */
  public AlertResponder(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      ActionPolicy policy,
      Supplier<Map<String, AlertHistory>> historyLoader,
      Clock clock,
      ResponderCounters counters,
      Duration commitInterval) {
    if (commitInterval.isNegative()) {
      throw new IllegalArgumentException(
          "commit interval must not be negative but was " + commitInterval);
    }
    this.commitIntervalNanos = commitInterval.toNanos();
    this.consumer = consumer;
    this.producer = producer;
    this.policy = policy;
    this.historyLoader = historyLoader;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(TopicCatalog.FRAUD_ALERTS), new HistoryReloader());
    try {
      try {
        while (!stopRequested) {
          ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout());
          if (!awaitingHistory.isEmpty()) {
            reloadHistories();
          }
          if (!records.isEmpty()) {
            handleAll(records);
          }
          if (open != null && open.isDue()) {
            commit();
          }
        }
      } catch (WakeupException e) {
        // stop() woke the poll up
      }
      if (open != null) {
        commit(); // what was acted on before the stop
      }
    } catch (RuntimeException e) {
      // Fenced, not authorized, a transaction in an unknown state, the history unreadable, or a
      // bug: nothing a retry in this process fixes. Recorded, so the process exits non-zero with
      // it; a restarted instance's initTransactions aborts whatever transaction was left open.
      fatal = e;
      log.error("Responder stopped by an error", e);
    }
  }

  /**
   * Reads the alert history again, after partitions were assigned: their users' history may have
   * been written by another instance. Here, between polls, not in the rebalance callback, which
   * runs while the consumer is still completing the rebalance. Known limitation: the whole of
   * {@code user-actions} is read, on the loop's thread, so a history that takes longer than {@code
   * max.poll.interval.ms} to read still costs this member its partitions; reading it on another
   * thread while the new partitions stay paused would be the next step.
   */
  private void reloadHistories() {
    histories = new HashMap<>(historyLoader.get());
    log.info("Alert history of {} users loaded for {}", histories.size(), awaitingHistory);
    awaitingHistory.clear();
  }

  /** Stops after the current batch; safe from any thread. */
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  public Exception fatalError() {
    return fatal;
  }

  public ResponderCounters counters() {
    return counters;
  }

  /** The poll's wait: no longer than the open transaction has left of its interval. */
  private Duration pollTimeout() {
    if (open == null) {
      return POLL;
    }
    long left = commitIntervalNanos - (System.nanoTime() - open.startedNanos);
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, POLL.toNanos()));
  }

  /** Acts on a poll's alerts in the open transaction, which begins with the first of them. */
  private void handleAll(ConsumerRecords<String, byte[]> records) {
    if (open == null) {
      producer.beginTransaction();
      open = new Open(System.nanoTime());
    }
    for (TopicPartition tp : records.partitions()) {
      open.firstOffsets.putIfAbsent(tp, records.records(tp).get(0).offset());
    }
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        handle(record, open.histories);
      }
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      throw e;
    } catch (KafkaException e) {
      abortAndRewind(e);
    }
  }

  /**
   * Commits the open transaction with the consumer's positions on its partitions; on failure aborts
   * it and reads its alerts again.
   */
  private void commit() {
    try {
      producer.sendOffsetsToTransaction(
          positions(open.firstOffsets.keySet()), consumer.groupMetadata());
      producer.commitTransaction();
      histories.putAll(open.histories); // only what was committed becomes history
      open = null;
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      throw e;
    } catch (KafkaException e) {
      abortAndRewind(e);
    }
  }

  /**
   * Aborts the open transaction and seeks each of its partitions still assigned back to its first
   * alert, so every alert of it is read and acted on again. When even the abort fails (after a
   * timed-out commit the producer is still committing and refuses to abort) its state is unknown,
   * so the responder stops with the cause instead of guessing: a restart's {@code initTransactions}
   * settles the transaction.
   */
  private void abortAndRewind(KafkaException cause) {
    log.warn("Transaction aborted, its alerts will be read again: {}", cause.toString());
    Map<TopicPartition, Long> first = open.firstOffsets;
    open = null;
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      e.addSuppressed(cause);
      throw new IllegalStateException("transaction neither committed nor aborted: " + cause, e);
    }
    Set<TopicPartition> assigned = consumer.assignment();
    first.forEach(
        (tp, offset) -> {
          if (assigned.contains(tp)) {
            consumer.seek(tp, offset);
          }
        });
  }

  private void handle(ConsumerRecord<String, byte[]> record, Map<String, AlertHistory> batch) {
    if (record.value() == null) {
      // A delete marker of the compacted topic, not an alert: nothing to act on, nothing to keep.
      log.warn("Skipped a tombstone {}-{}@{}", record.topic(), record.partition(), record.offset());
      return;
    }
    Alert alert;
    try {
      alert = AlertCodec.decode(record.value());
    } catch (RuntimeException e) { // any failure to read the bytes makes the alert poison
      deadLetter(record, ResponderCounters.UNDECODABLE, "undecodable alert: " + e.getMessage());
      return;
    }
    AlertHistory history =
        batch.getOrDefault(
            alert.userId(), histories.getOrDefault(alert.userId(), AlertHistory.empty()));
    // Responder time is wall time: response targets and the repeat-offender window are about when
    // we act.
    Instant now = clock.instant();
    ResponsePlan plan = policy.decide(alert, history, now);
    List<ProducerRecord<String, byte[]>> output = output(alert, plan);
    for (ProducerRecord<String, byte[]> out : output) {
      if (out.value().length > MAX_OUTPUT_BYTES) {
        // The producer would refuse it and abort the transaction; read again, the alert would
        // abort every later one too and its partition would never move on.
        deadLetter(
            record,
            ResponderCounters.UNDECODABLE,
            "alert too large to act on: its record for "
                + out.topic()
                + " would be "
                + out.value().length
                + " bytes (at most "
                + MAX_OUTPUT_BYTES
                + ")");
        return;
      }
    }
    output.forEach(producer::send);
    plan.actions().forEach(action -> counters.action(action.actionType()));
    batch.put(alert.userId(), history.with(alert.eventTime()));
    counters.alertHandled();
    if (plan.missedTarget(Instant.ofEpochMilli(record.timestamp()), now)) {
      counters.slaMiss();
    }
  }

  /** The actions of the plan for {@code user-actions}, then the new status, if any. */
  private static List<ProducerRecord<String, byte[]>> output(Alert alert, ResponsePlan plan) {
    List<ProducerRecord<String, byte[]>> output = new ArrayList<>();
    for (UserAction action : plan.actions()) {
      output.add(
          new ProducerRecord<>(
              TopicCatalog.USER_ACTIONS, action.userId(), UserActionCodec.encode(action)));
    }
    if (plan.accountState() != null) {
      output.add(
          new ProducerRecord<>(
              TopicCatalog.ACCOUNT_STATUS,
              alert.userId(),
              AccountStateCodec.encode(plan.accountState())));
    }
    return output;
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String kind, String reason) {
    // Cut to fit (DeadLetters.copy): an alert near the size limit must not fail its own copy.
    DeadLetters.Copy copy = DeadLetters.copy(record.key(), record.value(), record.headers());
    DeadLetters.describe(
        copy.headers(),
        "responder",
        "alert",
        reason,
        record.topic(),
        record.partition(),
        record.offset(),
        clock.millis());
    producer.send(
        new ProducerRecord<>(
            TopicCatalog.FRAUD_ALERTS_DLQ, null, copy.key(), copy.value(), copy.headers()));
    counters.deadLetter(kind);
    log.warn(
        "Dead letter {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
  }

  /**
   * The consumer's positions, not last offset + 1: on a transactional input (fraud-alerts is
   * written by the exactly-once detector) the position is already past the commit marker, so a
   * drained group shows lag 0.
   */
  private Map<TopicPartition, OffsetAndMetadata> positions(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return offsets;
  }

  /** A transaction open across polls: when it began, where its alerts start, their histories. */
  private final class Open {
    final long startedNanos;
    final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    final Map<String, AlertHistory> histories = new HashMap<>();

    Open(long startedNanos) {
      this.startedNanos = startedNanos;
    }

    boolean isDue() {
      return System.nanoTime() - startedNanos >= commitIntervalNanos;
    }
  }

  /**
   * Partitions moved: the alert history of their users may have been written by another instance,
   * so it is read again from {@code user-actions} (committed records only) before the next alert is
   * handled. The callback only notes that: it runs inside {@code poll}, in the middle of the
   * rebalance, and must stay short. An open transaction is committed before partitions are revoked,
   * so the member that takes them over starts after the alerts acted on here; when they are lost
   * (this member was dropped from the group) it can no longer commit, so it aborts, and the new
   * owner reads those alerts again.
   */
  private final class HistoryReloader implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      awaitingHistory.removeAll(partitions);
      if (open != null && !partitions.isEmpty()) {
        commit();
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      awaitingHistory.removeAll(partitions);
      if (open != null) {
        abortAndRewind(new KafkaException("partitions lost: " + partitions));
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      awaitingHistory.addAll(partitions);
    }
  }
}
