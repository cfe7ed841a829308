package io.streamsentinel.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's {@link MockConsumer}, fed the way a broker feeds a consumer: every poll returns what each
 * assigned, unpaused partition's log holds from the consumer's position on. So a seek back, or a
 * rebalance that makes the group resume from its last commit, reads the records again, as it would
 * on a cluster (a bare MockConsumer hands out each added record once). Two more details follow the
 * real consumer: a partition that leaves the assignment forgets that it was paused, and {@link
 * #paused()} names assigned partitions only.
 *
 * <p>Tests script the group with {@link #duringPoll}: steps run inside the sink's own poll, on its
 * thread, as a rebalance does. Every offset commit is recorded, and {@link #onCommit} sees each one
 * before it is applied. The sink's thread polls and commits; the test thread appends and reads;
 * every method is synchronized, as MockConsumer's are.
 */
final class PartitionLogConsumer extends MockConsumer<String, byte[]> {

  private record Step(BooleanSupplier when, Runnable action) {}

  private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> logs = new HashMap<>();
  private final Set<TopicPartition> paused = new HashSet<>();
  private final Queue<Step> steps = new ArrayDeque<>();
  private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
  private java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> onCommit = c -> {};
  private long polls;

  PartitionLogConsumer() {
    super("earliest");
  }

  /** Appends a record to its partition's log at the next offset; returns the record. */
  synchronized ConsumerRecord<String, byte[]> append(TopicPartition tp, String key, byte[] value) {
    List<ConsumerRecord<String, byte[]>> log = logs.computeIfAbsent(tp, p -> new ArrayList<>());
    if (log.isEmpty()) {
      updateBeginningOffsets(Map.of(tp, 0L));
    }
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(tp.topic(), tp.partition(), log.size(), key, value);
    log.add(record);
    return record;
  }

  /** Every record appended so far, partition by partition. */
  synchronized List<ConsumerRecord<String, byte[]>> appended() {
    return logs.values().stream().flatMap(List::stream).toList();
  }

  /** Where each partition's log ends: what the group has committed once it read everything. */
  synchronized Map<TopicPartition, Long> logEnds() {
    Map<TopicPartition, Long> ends = new HashMap<>();
    logs.forEach((tp, log) -> ends.put(tp, (long) log.size()));
    return ends;
  }

  /**
   * Runs {@code action} at the start of the first poll for which {@code when} holds, once every
   * step scheduled before it has run; {@code when} is asked at every poll until then.
   */
  synchronized void duringPoll(BooleanSupplier when, Runnable action) {
    steps.add(new Step(when, action));
  }

  /** Whether every scheduled step has run. */
  synchronized boolean hasRunAllSteps() {
    return steps.isEmpty();
  }

  /** An eager rebalance: every partition revoked, then {@code assignment} assigned afresh. */
  synchronized void eagerRebalance(Collection<TopicPartition> assignment) {
    rebalance(List.of());
    rebalance(assignment);
  }

  /** Sees each commit, on the committing thread, before it is applied. */
  synchronized void onCommit(
      java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> check) {
    this.onCommit = check;
  }

  /** Every commit so far, in order. */
  synchronized List<Map<TopicPartition, OffsetAndMetadata>> commits() {
    return List.copyOf(commits);
  }

  /** Polls so far. */
  synchronized long polls() {
    return polls;
  }

  @Override
  public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
    polls++;
    Step next = steps.peek();
    if (next != null && next.when().getAsBoolean()) {
      steps.remove();
      next.action().run();
    }
    for (TopicPartition tp : assignment()) {
      if (!paused.contains(tp)) {
        long from = position(tp); // resumes from the last commit, or the log's start
        logs.getOrDefault(tp, List.of()).stream()
            .filter(r -> r.offset() >= from)
            .forEach(this::addRecord);
      }
    }
    return super.poll(timeout);
  }

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    Map<TopicPartition, OffsetAndMetadata> commit = Map.copyOf(offsets);
    onCommit.accept(commit);
    commits.add(commit);
    super.commitSync(offsets);
  }

  @Override
  public synchronized void rebalance(Collection<TopicPartition> newAssignment) {
    super.rebalance(newAssignment);
    paused.retainAll(newAssignment);
  }

  @Override
  public synchronized void pause(Collection<TopicPartition> partitions) {
    super.pause(partitions);
    paused.addAll(partitions);
  }

  @Override
  public synchronized void resume(Collection<TopicPartition> partitions) {
    super.resume(partitions);
    paused.removeAll(partitions);
  }

  @Override
  public synchronized Set<TopicPartition> paused() {
    return Set.copyOf(paused);
  }
}
