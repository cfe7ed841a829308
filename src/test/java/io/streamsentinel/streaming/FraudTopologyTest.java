package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.RecentIds;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.DeadLetters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole detection topology on Kafka's TopologyTestDriver, with explicit timestamps. */
class FraudTopologyTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final String GUIDE_EVENT =
      "{\"event_type\":\"transaction_created\",\"transaction_id\":\"tx_12345\",\"user_id\":\"user_001\","
          + "\"amount\":250.00,\"timestamp\":\"2025-08-26T14:30:00Z\",\"merchant\":\"Amazon\",\"is_fraud\":false}";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestInputTopic<String, byte[]> accountStatus;
  private TestOutputTopic<String, byte[]> scores;
  private TestOutputTopic<String, byte[]> alerts;
  private TestOutputTopic<String, byte[]> dlq;
  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private final DetectorCounters counters = new DetectorCounters();

  @BeforeEach
  void start() {
    start(0.5);
  }

  private void start(double threshold) {
    if (driver != null) {
      driver.close();
    }
    DetectorSettings settings =
        new DetectorSettings(
            RuleSetCodec.loadDefault(),
            threshold,
            Duration.ofHours(24),
            TransactionLimits.DEFAULTS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-detection-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(FraudTopology.build(settings, counters), props);
    input =
        driver.createInputTopic(
            DetectorSettings.INPUT_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    accountStatus =
        driver.createInputTopic(
            DetectorSettings.ACCOUNT_STATUS_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    scores = output(DetectorSettings.SCORES_TOPIC);
    alerts = output(DetectorSettings.ALERTS_TOPIC);
    dlq = output(DetectorSettings.DLQ_TOPIC);
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(
        topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static Transaction tx(String id, String user, String amount, Instant time) {
    return Transaction.builder()
        .transactionId(id)
        .userId(user)
        .amount(new BigDecimal(amount))
        .timestamp(time)
        .merchant("Grocer")
        .merchantCategory("grocery")
        .country("DE")
        .deviceId("dev-" + user)
        .build();
  }

  private void send(Transaction t, Instant recordTime) {
    input.pipeInput(t.userId(), codec.encode(t), recordTime);
  }

  private List<DecisionSummary> decisions() {
    return scores.readValuesToList().stream().map(DecisionCodec::decodeSummary).toList();
  }

  @Test
  void shouldScoreTheGuidesMinimalEventAsIs() {
    input.pipeInput("user_001", GUIDE_EVENT.getBytes(StandardCharsets.UTF_8), T0);

    List<DecisionSummary> out = decisions();

    assertThat(out)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.transactionId()).isEqualTo("tx_12345");
              assertThat(d.userId()).isEqualTo("user_001");
              assertThat(d.score()).isLessThan(0.5);
              assertThat(d.isFraud()).isFalse();
            });
    assertThat(alerts.isEmpty()).isTrue();
    assertThat(dlq.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|record|{oops",
        "missing transaction_id|transaction_id|{\"user_id\":\"u1\",\"amount\":5,\"timestamp\":\"2026-01-05T12:00:00Z\"}",
        "non-numeric amount|amount|{\"transaction_id\":\"t\",\"user_id\":\"u1\",\"amount\":\"abc\",\"timestamp\":\"2026-01-05T12:00:00Z\"}",
        "negative amount|amount|{\"transaction_id\":\"t\",\"user_id\":\"u1\",\"amount\":-3,\"timestamp\":\"2026-01-05T12:00:00Z\"}",
        "bad timestamp|timestamp|{\"transaction_id\":\"t\",\"user_id\":\"u1\",\"amount\":5,\"timestamp\":\"yesterday\"}",
        "key differs from user_id|user_id|{\"transaction_id\":\"t\",\"user_id\":\"someone-else\",\"amount\":5,\"timestamp\":\"2026-01-05T12:00:00Z\"}"
      })
  void shouldSendBadInputToTheDlqWithHeadersAndGoOn(String kind, String field, String json) {
    input.pipeInput("u1", json.getBytes(StandardCharsets.UTF_8), T0);
    send(tx("good-1", "u1", "12.00", T0), T0.plusSeconds(1));

    TestRecord<String, byte[]> dead = dlq.readRecord();
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_FIELD)).isEqualTo(field);
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_PROBLEM)).isNotBlank();
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_TOPIC))
        .isEqualTo(DetectorSettings.INPUT_TOPIC);
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_PARTITION)).isEqualTo("0");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_TIME)).isNotBlank();
    assertThat(decisions()).extracting(DecisionSummary::transactionId).containsExactly("good-1");
    assertThat(counters.deadLetterCount()).isEqualTo(1);
  }

  @Test
  void shouldDropADuplicateTransactionId() {
    Transaction t = tx("dup-1", "u2", "20.00", T0);
    send(t, T0);
    send(t, T0.plusSeconds(30));
    send(tx("dup-2", "u2", "21.00", T0.plusSeconds(60)), T0.plusSeconds(60));

    assertThat(decisions())
        .extracting(DecisionSummary::transactionId)
        .containsExactly("dup-1", "dup-2");
    assertThat(counters.duplicateCount()).isEqualTo(1);
  }

  @Test
  void shouldScoreAnIdAgainOnceItLeftTheWindowOrTheUsersRecentIds() {
    Transaction first = tx("again-1", "u12", "20.00", T0);
    send(first, T0);
    send(first, T0.plus(Duration.ofDays(1)).plusSeconds(1)); // after the 24 h window
    Transaction second = tx("again-2", "u13", "20.00", T0);
    send(second, T0);
    for (int i = 0; i < RecentIds.CAPACITY; i++) {
      send(tx("other-" + i, "u13", "1.00", T0.plusSeconds(1 + i)), T0.plusSeconds(1 + i));
    }
    send(second, T0.plusSeconds(100)); // 64 newer ids of the same user pushed it out

    assertThat(decisions())
        .extracting(DecisionSummary::transactionId)
        .filteredOn(id -> id.startsWith("again-"))
        .containsExactly("again-1", "again-1", "again-2", "again-2");
    assertThat(counters.duplicateCount()).isZero();
  }

  @Test
  void shouldRaiseCriticalAlertWhenAccountIsBlocked() {
    accountStatus.pipeInput(
        "u3",
        AccountStateCodec.encode(new AccountState("u3", AccountStatus.BLOCKED, "test", T0, null)),
        T0);
    send(tx("blocked-1", "u3", "9.99", T0.plusSeconds(5)), T0.plusSeconds(5));

    DecisionSummary decision = decisions().get(0);
    assertThat(decision.severity()).isEqualTo("CRITICAL");
    assertThat(decision.reasonCodes()).contains("ACCOUNT_BLOCKED");
    DecisionSummary alert = DecisionCodec.decodeSummary(alerts.readValue());
    assertThat(alert.alertId()).isEqualTo(DecisionCodec.alertId("blocked-1"));
    assertThat(alert.severity()).isEqualTo("CRITICAL");
  }

  @Test
  void shouldScoreAnotherUsersTransactionThatReusesAnId() {
    send(tx("same-id", "u10", "20.00", T0), T0);
    send(tx("same-id", "u11", "21.00", T0.plusSeconds(1)), T0.plusSeconds(1));
    send(tx("same-id", "u10", "20.00", T0.plusSeconds(2)), T0.plusSeconds(2));

    assertThat(decisions()).extracting(DecisionSummary::userId).containsExactly("u10", "u11");
    assertThat(counters.duplicateCount()).isEqualTo(1);
  }

  @Test
  void shouldKeepABlockInForceWhenGarbageOrATombstoneFollowsIt() {
    accountStatus.pipeInput(
        "u9",
        AccountStateCodec.encode(new AccountState("u9", AccountStatus.BLOCKED, "test", T0, null)),
        T0);
    accountStatus.pipeInput("u9", "not a status".getBytes(StandardCharsets.UTF_8), T0);
    send(tx("g-1", "u9", "9.99", T0.plusSeconds(5)), T0.plusSeconds(5));
    accountStatus.pipeInput("u9", (byte[]) null, T0.plusSeconds(6));
    send(tx("g-2", "u9", "9.99", T0.plusSeconds(7)), T0.plusSeconds(7));

    assertThat(decisions())
        .allSatisfy(d -> assertThat(d.reasonCodes()).contains("ACCOUNT_BLOCKED"))
        .hasSize(2);
  }

  @Test
  void shouldAddStepUpReasonUntilItExpires() {
    accountStatus.pipeInput(
        "u4",
        AccountStateCodec.encode(
            new AccountState(
                "u4", AccountStatus.STEP_UP_REQUIRED, "test", T0, T0.plusSeconds(600))),
        T0);
    send(tx("s-1", "u4", "9.99", T0.plusSeconds(5)), T0.plusSeconds(5));
    send(tx("s-2", "u4", "9.99", T0.plusSeconds(700)), T0.plusSeconds(700));

    List<DecisionSummary> out = decisions();
    assertThat(out.get(0).reasonCodes()).contains("STEP_UP_REQUIRED");
    assertThat(out.get(1).reasonCodes()).doesNotContain("STEP_UP_REQUIRED");
  }

  @Test
  void shouldAlertOnlyAtOrAboveTheConfiguredThreshold() {
    start(0.95);
    accountStatus.pipeInput(
        "u5",
        AccountStateCodec.encode(
            new AccountState("u5", AccountStatus.STEP_UP_REQUIRED, "test", T0, null)),
        T0);
    accountStatus.pipeInput(
        "u6",
        AccountStateCodec.encode(new AccountState("u6", AccountStatus.BLOCKED, "test", T0, null)),
        T0);
    send(tx("t-5", "u5", "10.00", T0.plusSeconds(1)), T0.plusSeconds(1));
    send(tx("t-6", "u6", "10.00", T0.plusSeconds(2)), T0.plusSeconds(2));

    assertThat(decisions()).hasSize(2);
    assertThat(alerts.readValuesToList().stream().map(DecisionCodec::decodeSummary))
        .extracting(DecisionSummary::transactionId)
        .containsExactly("t-6");
  }

  @Test
  void shouldKeepAProfilePerUserInTheStore() {
    for (int i = 0; i < 5; i++) {
      send(tx("p-" + i, "u7", "10.00", T0.plusSeconds(3600L * i)), T0.plusSeconds(i));
    }

    byte[] stored = driver.<String, byte[]>getKeyValueStore(FraudTopology.PROFILE_STORE).get("u7");
    assertThat(io.streamsentinel.codec.UserProfileCodec.decode(stored).count()).isEqualTo(5);
  }

  @Test
  void shouldScoreOnAnEmptyProfileWhenTheStoredOneIsUnreadable() {
    driver
        .<String, byte[]>getKeyValueStore(FraudTopology.PROFILE_STORE)
        .put("u8", new byte[] {1, 2, 3});

    send(tx("r-1", "u8", "10.00", T0), T0);

    assertThat(decisions()).extracting(DecisionSummary::transactionId).containsExactly("r-1");
    assertThat(counters.profileResetCount()).isEqualTo(1);
    byte[] stored = driver.<String, byte[]>getKeyValueStore(FraudTopology.PROFILE_STORE).get("u8");
    assertThat(io.streamsentinel.codec.UserProfileCodec.decode(stored).count()).isEqualTo(1);
  }
}
