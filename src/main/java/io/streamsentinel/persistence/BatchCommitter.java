package io.streamsentinel.persistence;

import io.streamsentinel.kafka.DeadLetterSender;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Finishes a stored batch on the Kafka side, on the sink's thread (a KafkaConsumer is
 * single-threaded): its dead letters are sent and acknowledged, then its offsets are committed, so
 * a committed offset never skips a record that is neither stored nor in the dead-letter topic.
 */
final class BatchCommitter {

  private final Consumer<String, byte[]> consumer;
  private final DeadLetterSender deadLetters;
  private final SinkCounters counters;

  BatchCommitter(
      Consumer<String, byte[]> consumer, DeadLetterSender deadLetters, SinkCounters counters) {
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.counters = counters;
  }

  /**
   * Call only once the batch's rows are stored.
   *
   * @throws org.apache.kafka.common.KafkaException when the dead letters or the offsets cannot be
   *     written; {@link org.apache.kafka.clients.consumer.CommitFailedException} when the group
   *     rebalanced and the partitions are no longer ours
   */
  void commit(PolledBatch p) {
    sendDeadLetters(p);
    consumer.commitSync(p.offsetsToCommit());
    counters.written(p.storedRows());
  }

  private void sendDeadLetters(PolledBatch p) {
    List<DeadLetter> dead = p.deadLettersToSend();
    if (dead.isEmpty()) {
      return;
    }
    for (DeadLetter d : dead) {
      deadLetters.send(d.record(), null, d.problem());
    }
    deadLetters.awaitAll();
    counters.deadLetters(dead.size());
    p.deadLettersSent(); // a batch committed again after a failed commit sends none twice
  }
}
