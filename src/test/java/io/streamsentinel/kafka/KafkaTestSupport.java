package io.streamsentinel.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain clients for tests against a real (embedded) broker. */
public final class KafkaTestSupport {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private KafkaTestSupport() {}

  public static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  public static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  /**
   * Reads a topic from the start until {@code expected} records arrived (or fails after a minute).
   */
  public static List<ConsumerRecord<String, String>> readAll(
      EmbeddedKafkaBroker broker, String topic, int expected) {
    return readAll(broker.bootstrapServers(), topic, expected, new StringDeserializer());
  }

  /** Like {@link #readAll(EmbeddedKafkaBroker, String, int)} for raw values. */
  public static List<ConsumerRecord<String, byte[]>> readAllBytes(
      String bootstrap, String topic, int expected) {
    return readAll(bootstrap, topic, expected, new ByteArrayDeserializer());
  }

  private static <V> List<ConsumerRecord<String, V>> readAll(
      String bootstrap, String topic, int expected, Deserializer<V> values) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            10_000);
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    if (records.size() < expected) {
      throw new AssertionError(
          "read " + records.size() + " of " + expected + " records from " + topic);
    }
    return records;
  }
}
