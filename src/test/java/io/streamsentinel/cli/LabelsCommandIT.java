package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel labels import} against a real broker: every good label lands once, keyed. */
class LabelsCommandIT {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir, false)).start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldSendEveryGoodLabelOnceKeyedByUserAndExitTwoForABadLine() throws IOException {
    Path file = dir.resolve("chargebacks.csv");
    Files.writeString(
        file,
        "transaction_id,is_fraud,user_id\n"
            + "tx_1,true,u_1\n"
            + "tx_2,0,u_2\n"
            + "tx_3,perhaps,u_3\n"
            + "\n"
            + "tx_4,1,\n"
            + "tx_5,false,u_1\n");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "labels",
            "import",
            file.toString(),
            "--source",
            "chargeback",
            "-b",
            broker.bootstrapServers());

    assertThat(code).as(cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains("line 4: is_fraud: expected true, false, 1 or 0, got 'perhaps'");
    assertThat(cli.out())
        .contains(
            "7 lines read, 4 labels sent (2 fraud / 2 legitimate), 1 bad lines, 0 failed sends");
    List<ConsumerRecord<String, byte[]>> records = readCommitted();
    assertThat(records).hasSize(4);
    for (ConsumerRecord<String, byte[]> record : records) {
      Label label = LabelCodec.decode(record.value());
      assertThat(record.key()).as(label.transactionId()).isEqualTo(label.userId());
      assertThat(label.source()).isEqualTo(Label.CHARGEBACK);
      assertThat(label.labelledAt()).isNotNull();
    }
    assertThat(records)
        .extracting(r -> LabelCodec.decode(r.value()))
        .extracting(Label::transactionId, Label::fraud, Label::userId)
        .containsExactlyInAnyOrder(
            tuple("tx_1", true, "u_1"),
            tuple("tx_2", false, "u_2"),
            tuple("tx_4", true, null),
            tuple("tx_5", false, "u_1"));
  }

  @Test
  void shouldNameAMissingFileAndExitTwo() {
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "labels",
            "import",
            dir.resolve("nope.csv").toString(),
            "-b",
            broker.bootstrapServers());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err().strip()).contains("nope.csv").doesNotContain("\n");
  }

  /**
   * Everything committed in fraud-feedback, read to the end offsets a read_committed consumer sees
   * (the last stable offsets), so a duplicate would be read too.
   */
  private static List<ConsumerRecord<String, byte[]>> readCommitted() {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TopicCatalog.FRAUD_FEEDBACK).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      assertThat(reachedEnd(consumer, ends)).as("read to the end offsets %s", ends).isTrue();
    }
    return records;
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
