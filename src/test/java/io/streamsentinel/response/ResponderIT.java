package io.streamsentinel.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.ActionType;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import io.streamsentinel.testing.CommittedTopics;
import io.streamsentinel.testing.SentinelProcesses;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The responder on a real broker, after a real detector: exactly-once actions and the feedback into
 * detection.
 */
class ResponderIT {

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private DetectorService detector;
  private SentinelProcesses processes;

  @BeforeEach
  void start() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    processes = new SentinelProcesses(dir);
  }

  @AfterEach
  void stop() {
    processes.close();
    if (detector != null) {
      detector.close();
    }
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private void generateAndDetect(int count) {
    CliRunner cli = new CliRunner();
    assertThat(
            cli.run(
                "generate",
                "-b",
                broker.bootstrapServers(),
                "--count",
                String.valueOf(count),
                "--tps",
                "max",
                "--users",
                "500",
                "--seed",
                "21",
                "--fraud-rate",
                "0.05",
                "--start",
                "2026-01-01T00:00:00Z"))
        .as(cli.err())
        .isZero();
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
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> CommittedRecords.count(clients(), TopicCatalog.FRAUD_SCORES, Map.of()) >= count);
  }

  private Process responderProcess(String name, String webhook) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "respond",
                "-b",
                broker.bootstrapServers(),
                "--profile",
                "low-latency",
                "--instance-id",
                "it"));
    if (webhook != null) {
      args.addAll(List.of("--webhook", webhook));
    }
    return processes.start(name, "256m", args.toArray(String[]::new));
  }

  private List<UserAction> actions() {
    return CommittedTopics.actions(clients());
  }

  private Set<String> handledAlerts() {
    Set<String> ids = new HashSet<>();
    actions().forEach(a -> ids.add(a.alertId()));
    return ids;
  }

  private Set<String> alertIds() {
    return CommittedTopics.alertIds(clients());
  }

  @Test
  void shouldLeaveExactlyOneActionPerAlertAndTypeWhenKilledBetweenProducingAndCommitting()
      throws Exception {
    generateAndDetect(20_000);
    Set<String> alerts = alertIds();
    assertThat(alerts).hasSizeGreaterThan(100);
    AtomicInteger calls = new AtomicInteger();
    HttpServer slowWebhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    slowWebhook.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          try {
            Thread.sleep(5); // slow enough that the kill lands mid-run
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    slowWebhook.start();
    String url = "http://localhost:" + slowWebhook.getAddress().getPort() + "/";
    try {
      Process first = responderProcess("killed", url);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> calls.get() > 5);
      // SIGKILL, perhaps with a transaction open; the webhook no longer slows the responder, so it
      // may have handled every alert already, but the notifier is surely mid-run.
      first.destroyForcibly().waitFor();
      assertThat(handledAlerts()).as("killed mid-run").isNotEmpty();
      responderProcess("restarted", url);

      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  actions().stream()
                      .map(UserAction::alertId)
                      .collect(java.util.stream.Collectors.toSet())
                      .containsAll(alerts));
      long notifications =
          actions().stream().filter(a -> a.actionType() == ActionType.NOTIFY_FRAUD_TEAM).count();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> calls.get() >= notifications); // at-least-once, across the kill too
    } finally {
      slowWebhook.stop(0);
    }
    List<UserAction> actions = actions();
    Set<String> alertAndType = new HashSet<>();
    for (UserAction a : actions) {
      assertThat(alertAndType.add(a.alertId() + "/" + a.actionType()))
          .as("duplicate %s", a.actionId())
          .isTrue();
    }
  }

  @Test
  void shouldBlockATakenOverAccountAndDecideItsNextTransactionCritical() throws Exception {
    generateAndDetect(20_000);
    responderProcess("responder", null);
    List<DecisionSummary> decisions = new ArrayList<>();
    CommittedRecords.read(
        clients(),
        TopicCatalog.FRAUD_SCORES,
        Map.of(),
        r -> decisions.add(DecisionCodec.decodeSummary(r.value())));
    String victim =
        decisions.stream()
            .filter(
                d -> "account_takeover".equals(d.fraudPattern()) && d.severity().equals("CRITICAL"))
            .map(DecisionSummary::userId)
            .findFirst()
            .orElseThrow();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                actions().stream()
                    .anyMatch(
                        a ->
                            a.userId().equals(victim)
                                && a.actionType() == ActionType.BLOCK_ACCOUNT));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              List<AccountStatus> statuses = new ArrayList<>();
              CommittedRecords.read(
                  clients(),
                  TopicCatalog.ACCOUNT_STATUS,
                  Map.of(),
                  r -> {
                    if (victim.equals(r.key())) {
                      statuses.add(AccountStateCodec.decode(r.value()).status());
                    }
                  });
              return statuses.contains(AccountStatus.BLOCKED);
            });

    Transaction later =
        Transaction.builder()
            .transactionId("after-block")
            .userId(victim)
            .amount(new BigDecimal("3.50"))
            .timestamp(Instant.parse("2027-01-01T00:00:00Z"))
            .merchant("Cafe")
            .build();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients().producer("test").toProperties())) {
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.TRANSACTIONS,
                  victim,
                  new TransactionCodec(TransactionLimits.DEFAULTS).encode(later)))
          .get();
    }

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<DecisionSummary> mine = new ArrayList<>();
              CommittedRecords.read(
                  clients(),
                  TopicCatalog.FRAUD_SCORES,
                  Map.of(),
                  r -> {
                    DecisionSummary d = DecisionCodec.decodeSummary(r.value());
                    if (d.transactionId().equals("after-block")) {
                      mine.add(d);
                    }
                  });
              assertThat(mine)
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.severity()).isEqualTo("CRITICAL");
                        assertThat(d.reasonCodes()).contains("ACCOUNT_BLOCKED");
                      });
            });
  }

  private static byte[] alert(String id, String user, String severity) {
    return ("{\"alert_id\":\""
            + id
            + "\",\"transaction_id\":\"tx-"
            + id
            + "\",\"user_id\":\""
            + user
            + "\",\"event_time\":\"2026-02-01T09:59:59Z\",\"score\":0.8,\"severity\":\""
            + severity
            + "\",\"reasons\":[{\"code\":\"NEW_DEVICE\",\"detail\":\"d\",\"contribution\":0.8}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void shouldDeadLetterAPoisonAlertAndBlockAUserWhoseWebhookKeepsFailing() throws Exception {
    assertThat(new CliRunner().run("topics", "create", "-b", broker.bootstrapServers())).isZero();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    webhook.createContext(
        "/",
        exchange -> {
          String body =
              new String(
                  exchange.getRequestBody().readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(body.contains("\"fail-me\"") ? 503 : 204, -1);
          exchange.close();
        });
    webhook.start();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(clients().producer("test").toProperties())) {
      producer
          .send(new ProducerRecord<>(TopicCatalog.FRAUD_ALERTS, "x", "garbage".getBytes()))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.FRAUD_ALERTS, "fail-me", alert("a1", "fail-me", "CRITICAL")))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.FRAUD_ALERTS, "fine", alert("a2", "fine", "MEDIUM")))
          .get();
      responderProcess("responder", "http://localhost:" + webhook.getAddress().getPort() + "/");

      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  actions().stream().anyMatch(a -> a.userId().equals("fine"))
                      && actions().stream()
                          .anyMatch(
                              a ->
                                  a.userId().equals("fail-me")
                                      && a.actionType() == ActionType.BLOCK_ACCOUNT));
      List<String> problems = new ArrayList<>();
      CommittedRecords.read(
          clients(),
          TopicCatalog.FRAUD_ALERTS_DLQ,
          Map.of(),
          r ->
              problems.add(
                  io.streamsentinel.kafka.DeadLetters.header(
                      r.headers(), io.streamsentinel.kafka.DeadLetters.ERROR_PROBLEM)));
      // The failing webhook is the notifier's business: it gives up, the block stands.
      assertThat(problems).singleElement().asString().contains("undecodable alert");
    } finally {
      webhook.stop(0);
    }
  }

  @Test
  void operatorShouldBlockAndUnblockWithAnAuditTrail() {
    assertThat(new CliRunner().run("topics", "create", "-b", broker.bootstrapServers())).isZero();
    CliRunner block = new CliRunner();
    CliRunner status = new CliRunner();
    CliRunner unblock = new CliRunner();
    CliRunner after = new CliRunner();
    String b = broker.bootstrapServers();

    assertThat(
            block.run(
                "account",
                "block",
                "user_042",
                "--reason",
                "card reported stolen",
                "--operator",
                "alice",
                "-b",
                b))
        .as(block.err())
        .isZero();
    assertThat(status.run("account", "status", "user_042", "-b", b)).isZero();
    assertThat(
            unblock.run(
                "account",
                "unblock",
                "user_042",
                "--reason",
                "customer verified",
                "--operator",
                "bob",
                "-b",
                b))
        .as(unblock.err())
        .isZero();
    assertThat(after.run("account", "status", "user_042", "-b", b)).isZero();

    assertThat(status.out()).contains("user_042: BLOCKED").contains("card reported stolen");
    assertThat(after.out()).contains("user_042: ACTIVE");
    assertThat(actions())
        .extracting(UserAction::actionType, UserAction::actor, UserAction::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ActionType.BLOCK_ACCOUNT, "alice", "card reported stolen"),
            org.assertj.core.groups.Tuple.tuple(
                ActionType.UNBLOCK_ACCOUNT, "bob", "customer verified"));
  }
}
