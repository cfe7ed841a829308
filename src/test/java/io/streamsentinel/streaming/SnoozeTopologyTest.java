package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.Snooze;
import io.streamsentinel.detection.Snoozes;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snooze on the whole topology: the snoozed user's transaction neither fires the rule nor alerts
 * and its decision names the rule, while another user's identical transaction fires it; a snooze of
 * one card silences only that card; a snooze swapped in or lifted applies from the next record.
 */
class SnoozeTopologyTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final Instant UNTIL = T0.plus(Duration.ofHours(1));
  private static final String SNOOZED = "user_snoozed";
  private static final String OTHER = "user_other";

  /** One rule that fires on every payment and alerts on its own (0.6 ≥ 0.5). */
  private static final RuleSet EVERY_PAYMENT =
      RuleSetCodec.parse(
          "test",
          ("{\"version\":\"every-1\",\"rules\":[{\"id\":\"every_payment\",\"description\":\"t\","
                  + "\"conditions\":[{\"feature\":\"amount\",\"op\":\">=\",\"threshold\":0}],"
                  + "\"weight\":0.6,\"reason_code\":\"EVERY_PAYMENT\",\"detail\":\"{amount}\"}]}")
              .getBytes(StandardCharsets.UTF_8));

  @TempDir Path stateDir;
  private final AtomicReference<Snoozes> snoozes = new AtomicReference<>(Snoozes.NONE);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DetectorCounters counters = new DetectorCounters(meters);
  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestOutputTopic<String, byte[]> scores;
  private TestOutputTopic<String, byte[]> alerts;
  private int ids;

  @BeforeEach
  void start() {
    DetectorSettings settings =
        new DetectorSettings(EVERY_PAYMENT, 0.5, Duration.ofHours(24), TransactionLimits.DEFAULTS)
            .withSnoozes(snoozes::get);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "snooze-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(FraudTopology.build(settings, counters), props);
    input =
        driver.createInputTopic(
            DetectorSettings.INPUT_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    scores =
        driver.createOutputTopic(
            DetectorSettings.SCORES_TOPIC,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
    alerts =
        driver.createOutputTopic(
            DetectorSettings.ALERTS_TOPIC,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static Snooze snooze(String user, String card) {
    return new Snooze("every_payment", user, card, UNTIL, "customer travelling", "anna", T0);
  }

  /** The same payment for {@code user}, with {@code card}, at {@code time}. */
  private void pay(String user, String card, Instant time) {
    Transaction tx =
        Transaction.builder()
            .transactionId("tx_" + ++ids)
            .userId(user)
            .amount(new BigDecimal("42.00"))
            .timestamp(time)
            .merchant("Grocer")
            .cardLast4(card)
            .build();
    input.pipeInput(user, codec.encode(tx), time);
  }

  private DecisionSummary decision() {
    return DecisionCodec.decodeSummary(scores.readValue());
  }

  private List<String> alertedUsers() {
    return alerts.readValuesToList().stream()
        .map(v -> DecisionCodec.decodeSummary(v).userId())
        .toList();
  }

  @Test
  void aSnoozedRuleShouldNotFireForItsUserWhileAnotherUsersIdenticalPaymentFiresIt() {
    snoozes.set(Snoozes.of(List.of(snooze(SNOOZED, null))));

    pay(SNOOZED, "1234", T0);
    pay(OTHER, "1234", T0);

    DecisionSummary snoozed = decision();
    DecisionSummary other = decision();
    assertThat(snoozed.userId()).isEqualTo(SNOOZED);
    assertThat(snoozed.score()).isZero();
    assertThat(snoozed.reasonCodes()).isEmpty();
    assertThat(snoozed.snoozed()).containsExactly("every_payment");
    assertThat(other.userId()).isEqualTo(OTHER);
    assertThat(other.score()).isEqualTo(0.6);
    assertThat(other.reasonCodes()).containsExactly("EVERY_PAYMENT");
    assertThat(other.snoozed()).isEmpty();
    assertThat(alertedUsers()).containsExactly(OTHER);
    assertThat(counters.snoozedHitCount()).isEqualTo(1);
    assertThat(meters.get("sentinel.rules.snoozed").functionCounter().count()).isEqualTo(1);
  }

  @Test
  void aCardSnoozeShouldSilenceOnlyThatCard() {
    snoozes.set(Snoozes.of(List.of(snooze(SNOOZED, "1234"))));

    pay(SNOOZED, "1234", T0);
    pay(SNOOZED, "9876", T0.plusSeconds(1));

    assertThat(decision().snoozed()).containsExactly("every_payment");
    DecisionSummary otherCard = decision();
    assertThat(otherCard.snoozed()).isEmpty();
    assertThat(otherCard.reasonCodes()).containsExactly("EVERY_PAYMENT");
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void aSnoozeShouldApplyFromTheNextRecordAndEndAtUntilAndWhenLifted() {
    pay(SNOOZED, null, T0);
    snoozes.set(Snoozes.of(List.of(snooze(SNOOZED, null))));
    pay(SNOOZED, null, T0.plusSeconds(1));
    pay(SNOOZED, null, UNTIL); // event time at until: no longer covered
    pay(SNOOZED, null, T0.plusSeconds(2)); // a late one, dated before until: still covered
    snoozes.set(Snoozes.NONE);
    pay(SNOOZED, null, T0.plusSeconds(3));

    assertThat(scores.readValuesToList().stream().map(DecisionCodec::decodeSummary))
        .extracting(DecisionSummary::reasonCodes)
        .containsExactly(
            List.of("EVERY_PAYMENT"),
            List.of(),
            List.of("EVERY_PAYMENT"),
            List.of(),
            List.of("EVERY_PAYMENT"));
    assertThat(counters.snoozedHitCount()).isEqualTo(2);
  }

  @Test
  void decisionsWithoutSnoozesShouldNotMentionThem() {
    pay(SNOOZED, null, T0);

    assertThat(new String(scores.readValue(), StandardCharsets.UTF_8))
        .doesNotContain("\"snoozed\"");
  }
}
