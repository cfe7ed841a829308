package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaTestSupport;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel topics} and {@code config show} as a user sees them. */
class TopicsCommandIT {

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void createShouldBeIdempotentAndDescribeShouldShowLeadersIsrAndConfigs() {
    CliRunner first = new CliRunner();
    CliRunner second = new CliRunner();
    CliRunner describe = new CliRunner();

    assertThat(first.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(first.err())
        .isZero();
    assertThat(second.run("topics", "create", "-b", broker.bootstrapServers()))
        .as(second.err())
        .isZero();
    assertThat(describe.run("topics", "describe", "-b", broker.bootstrapServers(), "fraud-alerts"))
        .isZero();

    assertThat(first.out())
        .contains("created  synthetic-transactions")
        .contains("created  account-status");
    assertThat(second.out()).contains("present  synthetic-transactions").doesNotContain("created");
    assertThat(describe.out())
        .contains("fraud-alerts  partitions=6  replication=1")
        .contains("partition 5   leader=1    replicas=[1] isr=[1]")
        .containsPattern("cleanup.policy\\s+compact,delete\\s+\\(topic\\)")
        .containsPattern("compression.type\\s+gzip");
  }

  @Test
  void createShouldExitWithCode3AndNameTheDifferenceWhenATopicDiffers() throws Exception {
    // A broker of its own: the other tests expect the catalog's topics.
    try (EmbeddedKafkaBroker own =
            new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("own"), false))
                .start();
        Admin admin = KafkaTestSupport.admin(own)) {
      admin.createTopics(List.of(new NewTopic("user-actions", 1, (short) 1))).all().get();
      CliRunner cli = new CliRunner();

      int code = cli.run("topics", "create", "-b", own.bootstrapServers());

      assertThat(code).isEqualTo(3);
      assertThat(cli.err())
          .contains("MISMATCH user-actions: partitions is 1 but the catalog says 3");
    }
  }

  @Test
  void describeShouldFailNamingAMissingTopic() {
    CliRunner cli = new CliRunner();

    assertThat(cli.run("topics", "describe", "-b", broker.bootstrapServers(), "no-such-topic"))
        .isEqualTo(1);
    assertThat(cli.err()).contains("no-such-topic: does not exist");
  }

  @Test
  void configShowShouldApplyProfileFileAndOverridesInOrder() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("s.properties"), "profile = low-latency\nkafka.producer.linger.ms = 3\n");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "config",
            "show",
            "--component",
            "generator",
            "--config",
            file.toString(),
            "--kafka-prop",
            "producer.batch.size=1000");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("# generator: producer (profile low-latency)")
        .containsPattern("linger.ms\\s+= 3\\s+# config file")
        .containsPattern("batch.size\\s+= 1000\\s+# --kafka-prop")
        .containsPattern("acks\\s+= 1\\s+# profile low-latency");
  }

  @Test
  void unknownOptionsAndBadValuesShouldGiveAClearError() {
    CliRunner badRate = new CliRunner();
    CliRunner badComponent = new CliRunner();

    assertThat(badRate.run("generate", "--tps", "fast")).isEqualTo(2);
    assertThat(badRate.err()).contains("'fast' is not a rate");
    assertThat(badComponent.run("config", "show", "--component", "gen")).isEqualTo(1);
    assertThat(badComponent.err()).contains("unknown component 'gen'").contains("generator");
  }
}
