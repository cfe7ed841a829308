package io.streamsentinel.persistence;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.UserAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The decoded records of one poll, by kind, ready to be written in one database transaction. Each
 * row keeps the record it came from, so a row the database refuses can go to the dead-letter topic
 * with its origin. Records that could not be decoded are not here: they are dead letters already.
 */
public final class SinkBatch {

  /** A decoded value and the record it came from. */
  public record Row<T>(T value, ConsumerRecord<String, byte[]> origin) {

    /** The record's timestamp: for decisions, when the detector decided. */
    public Instant recordTime() {
      return Instant.ofEpochMilli(origin.timestamp());
    }
  }

  final List<Row<DecisionDocument>> decisions = new ArrayList<>();
  final List<Row<DecisionDocument>> alerts = new ArrayList<>();
  final List<Row<UserAction>> actions = new ArrayList<>();
  final List<Row<AccountState>> statuses = new ArrayList<>();
  final List<Row<Label>> labels = new ArrayList<>();

  /** The decisions' COPY text once built; rebuilt if rows are dropped afterwards. */
  private CopyText decisionText;

  /** Rows of every kind in the batch. */
  public int size() {
    return decisions.size() + alerts.size() + actions.size() + statuses.size() + labels.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The decisions as COPY text, built on first use. The sink builds it on its polling thread once
   * the batch is decoded, so the thread that writes to the database only streams it.
   */
  CopyText decisionText() {
    if (decisionText == null) {
      decisionText = DecisionRows.copyText(decisions);
    }
    return decisionText;
  }

  /** Removes the rows whose record came from one of the given partitions (revoked from us). */
  void dropPartitions(Collection<TopicPartition> revoked) {
    decisionText = null;
    for (List<? extends Row<?>> rows : kinds()) {
      rows.removeIf(
          r -> revoked.contains(new TopicPartition(r.origin().topic(), r.origin().partition())));
    }
  }

  /** Removes the row that came from {@code origin} (the database refused it). */
  void remove(ConsumerRecord<String, byte[]> origin) {
    decisionText = null;
    for (List<? extends Row<?>> rows : kinds()) {
      rows.removeIf(r -> r.origin() == origin);
    }
  }

  /** One batch per row, to find the row the database refuses. */
  List<SinkBatch> singles() {
    List<SinkBatch> singles = new ArrayList<>(size());
    decisions.forEach(r -> singles.add(one(b -> b.decisions.add(r))));
    alerts.forEach(r -> singles.add(one(b -> b.alerts.add(r))));
    actions.forEach(r -> singles.add(one(b -> b.actions.add(r))));
    statuses.forEach(r -> singles.add(one(b -> b.statuses.add(r))));
    labels.forEach(r -> singles.add(one(b -> b.labels.add(r))));
    return singles;
  }

  /** The record of the only row of a single-row batch. */
  ConsumerRecord<String, byte[]> onlyOrigin() {
    for (List<? extends Row<?>> rows : kinds()) {
      if (!rows.isEmpty()) {
        return rows.get(0).origin();
      }
    }
    throw new IllegalStateException("empty batch");
  }

  private List<List<? extends Row<?>>> kinds() {
    return List.of(decisions, alerts, actions, statuses, labels);
  }

  private static SinkBatch one(Consumer<SinkBatch> fill) {
    SinkBatch b = new SinkBatch();
    fill.accept(b);
    return b;
  }
}
