package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaTestSupport;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentinel generate} against a real broker: everything lands, keyed and ordered per user.
 */
class GenerateCommandIT {

  private static final int EVENTS = 100_000;

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
  void shouldLandEveryEventWithEachUsersEventsInOnePartitionInOrder() {
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "generate",
            "-b",
            broker.bootstrapServers(),
            "--count",
            String.valueOf(EVENTS),
            "--tps",
            "max",
            "--users",
            "2000",
            "--seed",
            "7",
            "--start",
            "2026-01-01T00:00:00Z");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Sent 100,000 transactions").contains("acked 100,000, failed 0");
    List<ConsumerRecord<String, byte[]>> records =
        KafkaTestSupport.readAllBytes(broker.bootstrapServers(), TopicCatalog.TRANSACTIONS, EVENTS);
    assertThat(records).hasSize(EVENTS);
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    Map<String, Integer> partitionOfUser = new HashMap<>();
    Map<String, ConsumerRecord<String, byte[]>> lastOfUser = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      Transaction tx = codec.decode(record.value());
      assertThat(record.key()).isEqualTo(tx.userId());
      assertThat(ids.add(tx.transactionId())).as("duplicate %s", tx.transactionId()).isTrue();
      Integer partition = partitionOfUser.putIfAbsent(tx.userId(), record.partition());
      assertThat(partition == null || partition == record.partition())
          .as("user %s in partitions %s and %s", tx.userId(), partition, record.partition())
          .isTrue();
      ConsumerRecord<String, byte[]> previous = lastOfUser.put(tx.userId(), record);
      if (previous != null) {
        Transaction before = codec.decode(previous.value());
        assertThat(record.offset()).isGreaterThan(previous.offset());
        assertThat(sequence(tx)).as("order of %s", tx.userId()).isGreaterThan(sequence(before));
        assertThat(tx.timestamp()).isAfterOrEqualTo(before.timestamp());
      }
    }
    assertThat(partitionOfUser.values())
        .as("users spread over partitions")
        .hasSizeGreaterThan(1000);
    assertThat(Set.copyOf(partitionOfUser.values())).hasSize(12);
  }

  private static long sequence(Transaction tx) {
    String id = tx.transactionId();
    return Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
  }
}
