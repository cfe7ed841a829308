package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import io.streamsentinel.testing.CliRunner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snooze set with {@code rules snooze} reaches a running detector: within seconds the rule stops
 * firing for that user (the decisions name it as snoozed) while another user's identical payments
 * still fire it; {@code rules unsnooze} makes it fire again. On a real in-process broker.
 */
class RuleSnoozeIT {

  private static final Duration SWITCH_LIMIT = Duration.ofSeconds(10);
  private static final String RULE = "every_payment";
  private static final String SNOOZED = "user_snoozed";
  private static final String OTHER = "user_other";

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, byte[]> scores;
  private final List<DecisionDocument> decisions = new ArrayList<>();
  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private int sent;

  @BeforeEach
  void startBroker() {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
  }

  @AfterEach
  void stop() {
    if (producer != null) {
      producer.close();
    }
    if (scores != null) {
      scores.close();
    }
    broker.close();
  }

  private ClientConfigFactory clients() {
    return new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers()));
  }

  private CliRunner run(int expectedExit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", broker.bootstrapServers()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(all.toArray(String[]::new)))
        .as(cli.out() + cli.err())
        .isEqualTo(expectedExit);
    return cli;
  }

  private DetectorService detector() {
    return new DetectorService(
            clients()
                .streams(
                    new StreamsSettings(
                        ClientCatalog.DETECTOR_GROUP,
                        StreamsSettings.Guarantee.EXACTLY_ONCE,
                        1,
                        dir.resolve("streams"),
                        DetectorSettings.DLQ_TOPIC)),
            DetectorSettings.defaults(RuleSetCodec.loadDefault()),
            ClientMetrics.none(),
            clients())
        .start();
  }

  /** A payment of {@code user} now, the same for every user but its id. */
  private void pay(String user) throws Exception {
    Transaction tx =
        Transaction.builder()
            .transactionId("tx_" + ++sent)
            .userId(user)
            .amount(new BigDecimal("42.00"))
            .timestamp(Instant.now())
            .merchant("Grocer")
            .build();
    producer.send(new ProducerRecord<>(TopicCatalog.TRANSACTIONS, user, codec.encode(tx))).get();
  }

  /** The committed decisions read so far, the new ones added. */
  private List<DecisionDocument> decisions() {
    for (ConsumerRecord<String, byte[]> r : scores.poll(Duration.ofMillis(100))) {
      decisions.add(DecisionDocumentReader.read(r.value()));
    }
    return decisions;
  }

  /**
   * Pays for {@code user} every poll until the decision on the latest payment decided satisfies
   * {@code wanted}; returns that decision and prints how long it took.
   */
  private DecisionDocument awaitDecisionOf(
      String user, Predicate<DecisionDocument> wanted, String what) {
    return awaitDecisionOf(user, wanted, what, SWITCH_LIMIT);
  }

  private DecisionDocument awaitDecisionOf(
      String user, Predicate<DecisionDocument> wanted, String what, Duration limit) {
    long start = System.nanoTime();
    AtomicReference<DecisionDocument> found = new AtomicReference<>();
    await()
        .atMost(limit)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              pay(user);
              List<DecisionDocument> all = decisions();
              for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).userId().equals(user)) {
                  found.set(all.get(i));
                  return wanted.test(all.get(i));
                }
              }
              return false;
            });
    System.out.println(what + " " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    return found.get();
  }

  private static boolean fires(DecisionDocument d) {
    return d.reasonCodes().contains("EVERY_PAYMENT") && d.snoozed().isEmpty();
  }

  private static boolean silenced(DecisionDocument d) {
    return !d.reasonCodes().contains("EVERY_PAYMENT") && d.snoozed().equals(List.of(RULE));
  }

  @Test
  void aSnoozeShouldSilenceTheRuleForItsUserWithinSecondsUntilItIsLifted() throws Exception {
    run(0, "topics", "create");
    Path rules = dir.resolve("every-1.json");
    Files.writeString(
        rules,
        "{\"version\":\"every-1\",\"rules\":[{\"id\":\""
            + RULE
            + "\",\"description\":\"test\",\"conditions\":[{\"feature\":\"amount\",\"op\":\">=\","
            + "\"threshold\":0}],\"weight\":0.6,\"reason_code\":\"EVERY_PAYMENT\","
            + "\"detail\":\"{amount}\"}]}");
    run(0, "rules", "publish", rules.toString(), "--yes");
    producer =
        new KafkaProducer<>(
            clients().producer("test").toProperties(),
            new StringSerializer(),
            new ByteArraySerializer());
    scores = CommittedRecords.reader(clients(), "test-scores");
    List<TopicPartition> partitions =
        IntStream.range(0, TopicCatalog.defaults().topic(TopicCatalog.FRAUD_SCORES).partitions())
            .mapToObj(p -> new TopicPartition(TopicCatalog.FRAUD_SCORES, p))
            .toList();
    scores.assign(partitions);
    scores.seekToBeginning(partitions);

    try (DetectorService detector = detector()) {
      // The detector started with the published set: its first decision fires the rule.
      awaitDecisionOf(SNOOZED, RuleSnoozeIT::fires, "first decision", Duration.ofMinutes(1));

      // An unknown rule is refused against the set in force, naming the close one.
      assertThat(
              run(
                      2,
                      "rules",
                      "snooze",
                      "every_paymnt",
                      "--user",
                      SNOOZED,
                      "--for",
                      "1h",
                      "--reason",
                      "typo")
                  .err())
          .contains("not in rule set every-1 (in force)")
          .contains("close: " + RULE);

      CliRunner snoozed =
          run(
              0,
              "rules",
              "snooze",
              RULE,
              "--user",
              SNOOZED,
              "--for",
              "1h",
              "--reason",
              "customer travelling, ticket 4711",
              "--operator",
              "ops-anna");
      assertThat(snoozed.out()).contains("Rule every_payment snoozed for user " + SNOOZED);
      DecisionDocument quiet =
          awaitDecisionOf(SNOOZED, RuleSnoozeIT::silenced, "snoozed user's rule silenced after");
      assertThat(quiet.score()).isZero();
      assertThat(detector.counters().snoozedHitCount()).isPositive();
      DecisionDocument other = awaitDecisionOf(OTHER, d -> true, "other user's decision");
      assertThat(fires(other)).as("another user's identical payment still fires it").isTrue();
      assertThat(other.score()).isEqualTo(0.6);

      CliRunner list = run(0, "rules", "snoozes");
      assertThat(list.out())
          .containsPattern(RULE + "\\s+" + SNOOZED + "\\s+any\\s+\\S+\\s+active")
          .contains("ops-anna")
          .contains("customer travelling, ticket 4711");

      assertThat(run(0, "rules", "unsnooze", RULE, "--user", SNOOZED).out()).contains("lifted");
      awaitDecisionOf(SNOOZED, RuleSnoozeIT::fires, "snoozed user's rule fires again after");
      assertThat(run(0, "rules", "snoozes", "--all").out()).contains("No rule is snoozed");
      assertThat(run(2, "rules", "unsnooze", RULE, "--user", SNOOZED).err())
          .contains("no snooze of rule 'every_payment' for user 'user_snoozed'; the user has none");

      // --force snoozes a rule the set in force does not have (e.g. one about to be published).
      assertThat(
              run(
                      0,
                      "rules",
                      "snooze",
                      "future_rule",
                      "--user",
                      "user_forced",
                      "--for",
                      "1h",
                      "--reason",
                      "ahead of default-9",
                      "--force")
                  .out())
          .contains("Rule future_rule snoozed for user user_forced");
      assertThat(run(0, "rules", "unsnooze", "future_rule", "--user", "user_forced").out())
          .contains("lifted");

      // purge-snoozes lifts the ended snoozes and keeps the running ones.
      run(0, "rules", "snooze", RULE, "--user", OTHER, "--for", "1s", "--reason", "short");
      run(0, "rules", "snooze", RULE, "--user", SNOOZED, "--for", "1h", "--reason", "long");
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> run(0, "rules", "snoozes").out().contains("1 expired, not shown"));
      assertThat(run(0, "rules", "purge-snoozes", "--grace", "0s").out())
          .contains("lifted: rule " + RULE + " for user " + OTHER)
          .contains("1 snooze lifted")
          .doesNotContain("for user " + SNOOZED);
      assertThat(run(0, "rules", "snoozes", "--all").out())
          .containsPattern(RULE + "\\s+" + SNOOZED + "\\s+any\\s+\\S+\\s+active")
          .doesNotContain(OTHER);
      assertThat(run(0, "rules", "purge-snoozes").out()).contains("0 snoozes lifted");
    }
  }
}
