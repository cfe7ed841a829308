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
  private Map<String, AlertHistory> histories = new HashMap<>();

  /**
   * Assigned since the history was last loaded: it is loaded again, on the loop's thread, before
   * any alert is acted on. Read and written on that thread only (the listener runs inside poll).
   */
  private final Set<TopicPartition> awaitingHistory = new HashSet<>();

  private volatile boolean stopRequested;
  private volatile Exception fatal;

  public AlertResponder(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      ActionPolicy policy,
      Supplier<Map<String, AlertHistory>> historyLoader,
      Clock clock,
      ResponderCounters counters) {
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
      while (!stopRequested) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!awaitingHistory.isEmpty()) {
          reloadHistories();
        }
        if (!records.isEmpty()) {
          processBatch(records);
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll up
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

  private void processBatch(ConsumerRecords<String, byte[]> records) {
    Map<String, AlertHistory> batchHistories = new HashMap<>();
    producer.beginTransaction();
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        handle(record, batchHistories);
      }
      producer.sendOffsetsToTransaction(positions(records), consumer.groupMetadata());
      producer.commitTransaction();
      histories.putAll(batchHistories); // only what was committed becomes history
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("Transaction aborted, the batch will be read again: {}", e.toString());
      abort(e);
      rewind(records);
    }
  }

  /**
   * Aborts the open transaction. When even that fails (after a timed-out commit the producer is
   * still committing and refuses to abort) its state is unknown, so the responder stops with the
   * cause instead of guessing: a restart's {@code initTransactions} settles the transaction.
   */
  private void abort(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      e.addSuppressed(cause);
      throw new IllegalStateException("transaction neither committed nor aborted: " + cause, e);
    }
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
  private Map<TopicPartition, OffsetAndMetadata> positions(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return offsets;
  }

  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
  }

  /**
   * Partitions moved: the alert history of their users may have been written by another instance,
   * so it is read again from {@code user-actions} (committed records only) before the next alert is
   * handled. The callback only notes that: it runs inside {@code poll}, in the middle of the
   * rebalance, and must stay short.
   */
  private final class HistoryReloader implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Nothing pending: each batch commits or aborts before the next poll, and revocation happens
      // inside poll.
      awaitingHistory.removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      awaitingHistory.addAll(partitions);
    }
  }
}
