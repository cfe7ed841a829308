package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector whose state directory holds state of another cluster, or of topics deleted and created
 * again, starts and scores everything (before, the global account-status store's checkpoint past
 * the new topic's end stopped the client).
 */
class ForeignStateIT {

  private static final int EVENTS = 500;

  @TempDir Path dir;

  private static ClientConfigFactory clients(EmbeddedKafkaBroker broker) {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private static void cli(EmbeddedKafkaBroker broker, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-b";
    all[args.length + 1] = broker.bootstrapServers();
    CliRunner run = new CliRunner();
    assertThat(run.run(all)).as(run.out() + run.err()).isZero();
  }

  /** Blocks a user (account-status gets records), then scores {@code EVENTS} more transactions. */
  private void scoreOnce(EmbeddedKafkaBroker broker, int seed, long decisionsAfter) {
    cli(broker, "account", "block", "user_x" + seed, "--reason", "test");
    cli(broker, "account", "block", "user_y" + seed, "--reason", "test");
    try (DetectorService detector =
        new DetectorService(
                clients(broker)
                    .streams(
                        new StreamsSettings(
                            ClientCatalog.DETECTOR_GROUP,
                            StreamsSettings.Guarantee.EXACTLY_ONCE,
                            1,
                            dir.resolve("streams"),
                            DetectorSettings.DLQ_TOPIC)),
                DetectorSettings.defaults(RuleSetCodec.loadDefault()))
            .start()) {
      cli(
          broker,
          "generate",
          "--count",
          String.valueOf(EVENTS),
          "--tps",
          "max",
          "--users",
          "100",
          "--seed",
          String.valueOf(seed));
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the detector stopped", () -> !detector.isAlive())
          .until(() -> CommittedTopics.decisions(clients(broker)) >= decisionsAfter);
      assertThat(detector.isAlive()).isTrue();
    }
  }

  @Test
  void shouldScoreOnAnotherClusterAndAfterTopicsAreCreatedAgain() throws Exception {
    try (EmbeddedKafkaBroker first =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("a"), false))
            .start()) {
      cli(first, "topics", "create");
      scoreOnce(first, 1, EVENTS);
    }
    try (EmbeddedKafkaBroker second =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("b"), false))
            .start()) {
      cli(second, "topics", "create");
      scoreOnce(second, 2, EVENTS);

      try (Admin admin = Admin.create(clients(second).admin("test").toProperties())) {
        admin
            .deleteTopics(List.of(TopicCatalog.TRANSACTIONS, TopicCatalog.ACCOUNT_STATUS))
            .all()
            .get();
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(() -> cli(second, "topics", "create"));
      scoreOnce(second, 3, 2L * EVENTS);
    }
  }
}
