package io.streamsentinel.kafka;

import io.streamsentinel.runtime.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the committed records of a topic between two points, without a consumer group. Under
 * exactly-once, offsets are not counts (transaction markers take offsets too; aborted records stay
 * in the log), so exact totals are taken by reading with {@code read_committed} up to the last
 * stable offset.
 */
public final class CommittedRecords {

  private static final Duration POLL = Duration.ofMillis(200);

  private CommittedRecords() {}

  /**
   * Reads every committed record of {@code topic} from {@code from} (per partition; missing
   * partitions from 0) up to the last stable offsets at the time of the call, handing each to
   * {@code sink}; returns how many there were.
   */
  public static long read(
      ClientConfigFactory clients,
      String topic,
      Map<TopicPartition, Long> from,
      Consumer<ConsumerRecord<String, byte[]>> sink) {
    long count = 0;
    try (KafkaConsumer<String, byte[]> consumer = reader(clients, ClientCatalog.READER)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      while (!reached(consumer, end)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          sink.accept(record);
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Waits until every given record is below its partition's last stable offset, i.e. readable by a
   * {@code read_committed} reader. A transaction's commit returns before its markers reach the
   * partitions, so a reader started right after could otherwise miss what was just committed.
   *
   * @param offsets the offset of a committed record per partition
   * @return whether they all became readable within {@code timeout}
   */
  public static boolean awaitReadable(
      ClientConfigFactory clients, Map<TopicPartition, Long> offsets, Duration timeout)
      throws InterruptedException {
    try (KafkaConsumer<String, byte[]> consumer = reader(clients, ClientCatalog.READER)) {
      // Markers land within milliseconds.
      return Await.until(() -> areReadable(consumer, offsets), timeout, POLL.dividedBy(10));
    }
  }

  private static boolean areReadable(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, Long> stable = consumer.endOffsets(offsets.keySet());
    return offsets.entrySet().stream().allMatch(e -> stable.get(e.getKey()) > e.getValue());
  }

  /** A group-less read_committed consumer: it reads what it is assigned, it never commits. */
  public static KafkaConsumer<String, byte[]> reader(ClientConfigFactory clients, String clientId) {
    Map<String, Object> props = clients.consumer(clientId, "unused", "earliest").toProperties();
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Counts the committed records of {@code topic} after {@code from}. */
  public static long count(
      ClientConfigFactory clients, String topic, Map<TopicPartition, Long> from) {
    return read(clients, topic, from, r -> {});
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
    return end.isEmpty();
  }
}
