package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.testing.CliRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The responder, in process on a real broker, against inputs that used to stop it. */
class ResponderResilienceIT {

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private ResponderService responder;

  @BeforeEach
  void start() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    assertThat(new CliRunner().run("topics", "create", "-b", broker.bootstrapServers())).isZero();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (responder != null) {
      responder.close();
    }
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  static byte[] alert(String id, String user, String severity) {
    return ("{\"alert_id\":\""
            + id
            + "\",\"transaction_id\":\"tx-"
            + id
            + "\",\"user_id\":\""
            + user
            + "\",\"event_time\":\"2026-02-01T09:59:59Z\",\"score\":0.95,\"severity\":\""
            + severity
            + "\",\"reasons\":[{\"code\":\"NEW_DEVICE\",\"detail\":\"d\",\"contribution\":0.8}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void send(String user, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients().producer("test").toProperties())) {
      producer.send(new ProducerRecord<>(TopicCatalog.FRAUD_ALERTS, user, value)).get();
    }
  }

  private List<UserAction> actions() {
    List<UserAction> out = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.USER_ACTIONS,
        Map.of(),
        r -> out.add(UserActionCodec.decode(r.value())));
    return out;
  }

  private boolean blocked(String user) {
    return actions().stream()
        .anyMatch(a -> a.userId().equals(user) && a.actionType() == ActionType.BLOCK_ACCOUNT);
  }

  @Test
  void shouldSkipATombstoneOnFraudAlertsAndHandleTheNextAlert() throws Exception {
    responder =
        new ResponderService(clients(), new ResponderSettings("it", null), ClientMetrics.none())
            .start();

    send("u1", alert("a1", "u1", "CRITICAL"));
    send("u1", null); // compaction's delete marker for u1
    send("u2", alert("a2", "u2", "CRITICAL"));

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> blocked("u2"));
    assertThat(responder.isRunning()).isTrue();
    assertThat(responder.fatalError()).isNull();
  }
}
