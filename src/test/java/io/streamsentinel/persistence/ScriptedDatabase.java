package io.streamsentinel.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Stands in for the database behind the sink's writers, on cue: it can be down (every write fails
 * as an unreachable server does, transiently), and it can hold the write of a given record until
 * the test lets it finish. It remembers which records each successful write stored, named {@code
 * topic-partition@offset}. Writes run on the sink's writer threads; the test thread gives the cues.
 */
final class ScriptedDatabase {

  /** How long a held write waits for its release before it fails the sink (a broken test). */
  private static final Duration HOLD_LIMIT = Duration.ofSeconds(30);

  private final List<String> stored = new ArrayList<>();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final Set<String> holding = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  /** The stores of {@code count} writer threads, all on this database. */
  List<BatchStore> writers(int count) {
    List<BatchStore> writers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writers.add(new Writer());
    }
    return writers;
  }

  void goDown() {
    down = true;
  }

  void comeBack() {
    down = false;
  }

  /** The next write that holds {@code recordId} waits until {@link #release}. */
  void holdWriteOf(String recordId) {
    holds.put(recordId, new CountDownLatch(1));
  }

  /** Whether a write of {@code recordId} is waiting for its release. */
  boolean isHolding(String recordId) {
    return holding.contains(recordId);
  }

  void release(String recordId) {
    holds.remove(recordId).countDown();
  }

  /** Lets every held write finish (a test's clean-up). */
  void releaseAll() {
    holds.values().forEach(CountDownLatch::countDown);
    holds.clear();
  }

  /** The records stored so far, write by write, each once per write that stored it. */
  synchronized List<String> stored() {
    return List.copyOf(stored);
  }

  /** Whether a successful write stored {@code recordId}. */
  synchronized boolean hasStored(String recordId) {
    return stored.contains(recordId);
  }

  /** How the test names a record: {@code topic-partition@offset}. */
  static String id(ConsumerRecord<?, ?> r) {
    return id(new TopicPartition(r.topic(), r.partition()), r.offset());
  }

  static String id(TopicPartition tp, long offset) {
    return tp + "@" + offset;
  }

  private synchronized void commit(List<String> rows) {
    stored.addAll(rows);
  }

  private void awaitRelease(List<String> rows) throws SQLException {
    for (String row : rows) {
      CountDownLatch hold = holds.get(row);
      if (hold == null) {
        continue;
      }
      holding.add(row);
      try {
        if (!hold.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("the test never released the write of " + row);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLTransientConnectionException("interrupted while held", e);
      } finally {
        holding.remove(row);
      }
    }
  }

  /** One writer's store: all rows of a batch or none, like BatchWriter's transaction. */
  private final class Writer implements BatchStore {

    @Override
    public void writeIsolatingBadRows(SinkBatch batch, List<DeadLetter> dead) throws SQLException {
      List<String> rows = new ArrayList<>();
      for (List<? extends SinkBatch.Row<?>> kind :
          List.of(batch.decisions, batch.alerts, batch.actions, batch.statuses)) {
        kind.forEach(row -> rows.add(id(row.origin())));
      }
      awaitRelease(rows);
      if (down) {
        throw new SQLTransientConnectionException("connection refused (the test's outage)");
      }
      commit(rows);
    }

    @Override
    public List<String> applyRetention(Duration retention, Instant now) {
      return List.of();
    }
  }
}
