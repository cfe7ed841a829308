package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3 MB value that arrived lz4-compressed (a few KB as sent) is too large to copy whole to the
 * DLQ: the producer checks the uncompressed size against {@code max.request.size}. The detector
 * must cut the copy, stay RUNNING under exactly-once and score the records after it.
 */
class OversizedRecordIT {

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private DetectorService detector;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    CliRunner topics = new CliRunner();
    assertThat(topics.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(topics.err())
        .isZero();
  }

  @AfterEach
  void stop() {
    if (detector != null) {
      detector.close();
    }
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  @Test
  void shouldDeadLetterACutCopyOfAMultiMegabyteRecordAndScoreTheRecordsAfterIt() throws Exception {
    detector =
        new DetectorService(
                clients()
                    .streams(
                        new StreamsSettings(
                            ClientCatalog.DETECTOR_GROUP,
                            StreamsSettings.Guarantee.EXACTLY_ONCE,
                            1,
                            dir.resolve("streams"),
                            DetectorSettings.DLQ_TOPIC)),
                DetectorSettings.defaults(RuleSetCodec.loadDefault()))
            .start();
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    Instant now = Instant.now();
    String huge =
        "{\"transaction_id\":\"big\",\"user_id\":\"u1\",\"amount\":5,\"timestamp\":\""
            + now
            + "\",\"merchant\":\""
            + "A".repeat(3_000_000)
            + "\"}";
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                // The producer checks the uncompressed size; the broker receives a few KB.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                8 * 1024 * 1024),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(record(codec.encode(tx("before", now)))).get();
      producer.send(record(huge.getBytes(StandardCharsets.UTF_8))).get();
      for (int i = 0; i < 3; i++) {
        producer.send(record(codec.encode(tx("after-" + i, now.plusSeconds(i + 1))))).get();
      }
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> scored().size() >= 4);

    assertThat(scored()).containsExactly("before", "after-0", "after-1", "after-2");
    assertThat(detector.state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(detector.failure()).isNull();
    List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
    CommittedRecords.read(clients(), DetectorSettings.DLQ_TOPIC, Map.of(), dead::add);
    assertThat(dead).hasSize(1);
    ConsumerRecord<String, byte[]> letter = dead.get(0);
    assertThat(letter.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.TRUNCATED)).isEqualTo("value");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGINAL_BYTES))
        .isEqualTo(String.valueOf(huge.length()));
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.ERROR_FIELD)).isEqualTo("record");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_TOPIC))
        .isEqualTo(DetectorSettings.INPUT_TOPIC);
  }

  private static ProducerRecord<String, byte[]> record(byte[] value) {
    return new ProducerRecord<>(DetectorSettings.INPUT_TOPIC, "u1", value);
  }

  private static Transaction tx(String id, Instant time) {
    return Transaction.builder()
        .transactionId(id)
        .userId("u1")
        .amount(new BigDecimal("12.00"))
        .timestamp(time)
        .merchant("Grocer")
        .build();
  }

  private List<String> scored() {
    List<String> ids = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> ids.add(DecisionCodec.decodeSummary(r.value()).transactionId()));
    return ids;
  }
}
