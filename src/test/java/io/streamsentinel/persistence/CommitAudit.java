package io.streamsentinel.persistence;

import static io.streamsentinel.persistence.ScriptedDatabase.id;

import io.streamsentinel.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * Checks each commit of the sink at the moment it is made: it may cover only records that are
 * stored or already in the dead-letter topic, of partitions this member owns. Records are named
 * {@code topic-partition@offset}, as {@link ScriptedDatabase#id} names them.
 */
final class CommitAudit {

  private final PartitionLogConsumer consumer;
  private final ScriptedDatabase database;
  private final MockProducer<String, byte[]> dlq;
  private final List<String> badCommits = new ArrayList<>();

  CommitAudit(
      PartitionLogConsumer consumer, ScriptedDatabase database, MockProducer<String, byte[]> dlq) {
    this.consumer = consumer;
    this.database = database;
    this.dlq = dlq;
    consumer.onCommit(this::check);
  }

  /**
   * Each commit that covered a record neither stored nor dead-lettered, or a partition not ours.
   */
  synchronized List<String> badCommits() {
    return List.copyOf(badCommits);
  }

  /** The latest committed offset per partition. */
  Map<TopicPartition, Long> committed() {
    Map<TopicPartition, Long> latest = new HashMap<>();
    consumer.commits().forEach(c -> c.forEach((tp, o) -> latest.put(tp, o.offset())));
    return latest;
  }

  /** The dead letters sent, each named by the record it came from. */
  List<String> deadLetters() {
    return dlq.history().stream().map(CommitAudit::origin).toList();
  }

  /** Runs on the sink's thread, inside its commit. */
  private synchronized void check(Map<TopicPartition, OffsetAndMetadata> commit) {
    List<String> dead = deadLetters();
    commit.forEach(
        (tp, offset) -> {
          if (!consumer.assignment().contains(tp)) {
            badCommits.add(tp + " committed but not assigned");
          }
          for (ConsumerRecord<String, byte[]> r : consumer.appended()) {
            boolean covered =
                tp.equals(new TopicPartition(r.topic(), r.partition()))
                    && r.offset() < offset.offset();
            if (covered && !database.hasStored(id(r)) && !dead.contains(id(r))) {
              badCommits.add(tp + "->" + offset.offset() + " committed before " + id(r));
            }
          }
        });
  }

  private static String origin(ProducerRecord<String, byte[]> deadLetter) {
    Headers h = deadLetter.headers();
    return DeadLetters.header(h, DeadLetters.ORIGIN_TOPIC)
        + "-"
        + DeadLetters.header(h, DeadLetters.ORIGIN_PARTITION)
        + "@"
        + DeadLetters.header(h, DeadLetters.ORIGIN_OFFSET);
  }
}
