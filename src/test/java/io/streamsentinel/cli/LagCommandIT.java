package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaTestSupport;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentinel lag} prints the same figures as the Admin API gives kafka-consumer-groups: a live
 * member that committed part of what it read leaves a known lag on each partition.
 */
class LagCommandIT {

  private static final String TOPIC = "lag-input";
  private static final String GROUP = "alert-response-group";
  private static final int PARTITIONS = 3;

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private KafkaConsumer<String, String> member;

  @BeforeEach
  void start() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    try (Admin admin = KafkaTestSupport.admin(broker)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(broker)) {
      for (int i = 0; i < 300; i++) {
        producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, "k" + i, "v" + i));
      }
      producer.flush();
    }
  }

  @AfterEach
  void stop() {
    if (member != null) {
      member.close();
    }
    broker.close();
  }

  @Test
  void shouldPrintTheAdminApisOffsetsLagAndOwnerForEveryPartitionOfTheGroup() throws Exception {
    member = liveMemberThatCommitted(Map.of(0, 10L, 1, 50L, 2, 100L));

    CliRunner cli = new CliRunner();
    int code = cli.run("lag", "-b", broker.bootstrapServers(), "--json");

    assertThat(code).as(cli.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(cli.out());
    assertThat(rows).hasSize(PARTITIONS);
    try (Admin admin = KafkaTestSupport.admin(broker)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      MemberDescription owner =
          admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members().stream()
              .findFirst()
              .orElseThrow();
      for (JsonNode row : rows) {
        TopicPartition tp =
            new TopicPartition(row.get("topic").asText(), row.get("partition").asInt());
        long current = committed.get(tp).offset();
        long end = ends.get(tp).offset();
        assertThat(row.get("group").asText()).isEqualTo(GROUP);
        assertThat(row.get("current_offset").asLong()).as("%s", tp).isEqualTo(current);
        assertThat(row.get("log_end_offset").asLong()).as("%s", tp).isEqualTo(end);
        assertThat(row.get("lag").asLong()).as("%s", tp).isEqualTo(end - current);
        assertThat(row.get("consumer_id").asText()).isEqualTo(owner.consumerId());
        assertThat(row.get("host").asText()).isEqualTo(owner.host());
        assertThat(row.get("client_id").asText()).isEqualTo(owner.clientId());
      }
    }
    assertThat(rows.findValuesAsText("lag")).containsExactlyInAnyOrder("90", "50", "0");
  }

  @Test
  void shouldPrintATableLikeKafkaConsumerGroupsAndRefuseAnUnknownGroup() {
    member = liveMemberThatCommitted(Map.of(0, 100L, 1, 100L, 2, 60L));

    CliRunner table = new CliRunner();
    int code = table.run("lag", "-b", broker.bootstrapServers(), "--group", GROUP);
    CliRunner unknown = new CliRunner();
    int missing = unknown.run("lag", "-b", broker.bootstrapServers(), "--group", "no-such");

    assertThat(code).as(table.err()).isZero();
    assertThat(table.out())
        .containsPattern(
            "GROUP\\s+TOPIC\\s+PARTITION\\s+CURRENT-OFFSET\\s+LOG-END-OFFSET\\s+LAG\\s+CONSUMER-ID"
                + "\\s+HOST\\s+CLIENT-ID")
        .containsPattern(
            GROUP + "\\s+" + TOPIC + "\\s+2\\s+60\\s+100\\s+40\\s+\\S+\\s+\\S+\\s+lag-test");
    assertThat(missing).isEqualTo(2);
    assertThat(unknown.err()).contains("no such consumer group: no-such");
  }

  @Test
  void shouldRefreshWithWatchUntilStopped() {
    member = liveMemberThatCommitted(Map.of(0, 1L, 1, 2L, 2, 3L));
    CliRunner cli = new CliRunner();

    CompletableFuture<Integer> watching =
        CompletableFuture.supplyAsync(
            () ->
                cli.run("lag", "-b", broker.bootstrapServers(), "--watch", "--interval", "200ms"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> cli.out().split("CURRENT-OFFSET", -1).length > 3); // three tables printed
    cli.shutdown.request(); // as Ctrl-C does

    assertThat(watching.join()).as(cli.err()).isZero();
  }

  /** A member of the group that owns every partition and committed the given offsets. */
  private KafkaConsumer<String, String> liveMemberThatCommitted(Map<Integer, Long> offsets) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "lag-test",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(100));
              return consumer.assignment().size() == PARTITIONS;
            });
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    offsets.forEach((p, o) -> commit.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(o)));
    consumer.commitSync(commit);
    return consumer;
  }
}
