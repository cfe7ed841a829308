package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.AccountStatus;
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
import io.streamsentinel.testing.CommittedTopics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    return CommittedTopics.actions(clients());
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

  /** What a broken webhook does with each request. */
  enum WebhookFault {
    UNAVAILABLE {
      @Override
      void answer(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(503, -1);
      }
    },
    STALLS {
      @Override
      void answer(HttpExchange exchange) throws IOException, InterruptedException {
        TimeUnit.SECONDS.sleep(10);
        exchange.sendResponseHeaders(204, -1);
      }
    },
    DRIPS {
      @Override
      void answer(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(200, 0); // chunked: the body never says how long it is
        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < 20; i++) {
          body.write('.');
          body.flush();
          TimeUnit.MILLISECONDS.sleep(500);
        }
      }
    };

    abstract void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** Waits up to 30 s for {@link #writtenAt} to find the record, and returns its time. */
  private long awaitWrittenAt(
      String topic, String user, java.util.function.Predicate<byte[]> test) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> writtenAt(topic, user, test), t -> t != null);
  }

  /**
   * When the first committed record of {@code user} matching {@code test} was written; null if
   * none.
   */
  private Long writtenAt(String topic, String user, java.util.function.Predicate<byte[]> test) {
    List<Long> times = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        topic,
        Map.of(),
        r -> {
          if (user.equals(r.key()) && r.value() != null && test.test(r.value())) {
            times.add(r.timestamp());
          }
        });
    return times.isEmpty() ? null : times.get(0);
  }

  @ParameterizedTest
  @EnumSource(WebhookFault.class)
  void shouldBlockWithinASecondWhateverTheWebhookDoes(WebhookFault fault) throws Exception {
    ExecutorService handlers = Executors.newCachedThreadPool();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    webhook.setExecutor(handlers);
    webhook.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            fault.answer(exchange);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    webhook.start();
    try {
      shouldBlockWithinASecond(
          URI.create("http://localhost:" + webhook.getAddress().getPort() + "/"));
    } finally {
      webhook.stop(0);
      handlers.shutdownNow();
    }
  }

  @Test
  void shouldBlockWithinASecondWhenTheWebhookResetsTheConnection() throws Exception {
    try (ServerSocket webhook = new ServerSocket(0)) {
      Thread resetter =
          new Thread(
              () -> {
                while (!webhook.isClosed()) {
                  try (Socket connection = webhook.accept()) {
                    connection.getInputStream().read(new byte[512]);
                    connection.setSoLinger(true, 0); // close with RST, not FIN
                  } catch (IOException e) {
                    // closed at the end of the test, or the client went first
                  }
                }
              },
              "resetting-webhook");
      resetter.setDaemon(true);
      resetter.start();
      shouldBlockWithinASecond(URI.create("http://localhost:" + webhook.getLocalPort() + "/"));
    }
  }

  /**
   * A CRITICAL alert blocks its account within a second, whatever the webhook does, and the
   * notifier gives up on the broken webhook without stopping the responder.
   */
  private void shouldBlockWithinASecond(URI webhook) throws Exception {
    responder =
        new ResponderService(clients(), new ResponderSettings("it", webhook), ClientMetrics.none())
            .start();
    // The first block also sets the notifier to work on the broken webhook.
    send("first", alert("f1", "first", "CRITICAL"));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> blocked("first"));

    long sent = System.currentTimeMillis();
    send("second", alert("s1", "second", "CRITICAL"));
    // Judged by when the responder wrote them (record timestamps), not by how fast this test
    // reads.
    long blockedAt =
        awaitWrittenAt(
            TopicCatalog.USER_ACTIONS,
            "second",
            v -> UserActionCodec.decode(v).actionType() == ActionType.BLOCK_ACCOUNT);
    long statusAt =
        awaitWrittenAt(
            TopicCatalog.ACCOUNT_STATUS,
            "second",
            v -> AccountStateCodec.decode(v).status() == AccountStatus.BLOCKED);
    assertThat(blockedAt - sent).as("block written after").isLessThan(1_000);
    assertThat(statusAt - sent).as("status written after").isLessThan(1_000);

    await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> responder.counters().notificationsGivenUpCount() >= 2);
    assertThat(responder.isRunning()).isTrue();
    assertThat(responder.fatalError()).isNull();
  }
}
