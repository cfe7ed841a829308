package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.kafka.TopicCatalog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Label events on fraud-feedback: stored as labels, or dead letters with the reason. */
class SinkDecoderTest {

  private final SinkBatch batch = new SinkBatch();
  private final List<DeadLetter> dead = new ArrayList<>();

  @Test
  void shouldStoreFraudFeedbackAmongItsInputTopics() {
    assertThat(PersistenceSink.TOPICS).contains(TopicCatalog.FRAUD_FEEDBACK);
  }

  @Test
  void shouldDecodeALabelEvent() {
    Label label =
        new Label("tx-1", true, "u1", Label.CHARGEBACK, Instant.parse("2026-11-20T10:00:00Z"));

    SinkDecoder.add(feedback(LabelCodec.encode(label)), batch, dead);

    assertThat(dead).isEmpty();
    assertThat(batch.labels).extracting(SinkBatch.Row::value).containsExactly(label);
  }

  @Test
  void shouldReadACaseResolutionAsAnAnalystLabel() {
    String resolution =
        "{\"feedback_id\":\"feedback-case-7\",\"case_id\":7,\"user_id\":\"u1\","
            + "\"transaction_id\":\"tx-1\",\"alert_id\":\"alert-tx-1\",\"label\":\"false_positive\","
            + "\"is_fraud\":false,\"severity\":\"HIGH\",\"analyst\":\"ana\",\"note\":null,"
            + "\"resolved_at\":\"2026-11-20T10:00:00Z\",\"source\":\"analyst\","
            + "\"labelled_at\":\"2026-11-20T10:00:00Z\"}";

    SinkDecoder.add(feedback(resolution.getBytes(StandardCharsets.UTF_8)), batch, dead);

    assertThat(dead).isEmpty();
    assertThat(batch.labels)
        .extracting(SinkBatch.Row::value)
        .containsExactly(
            new Label("tx-1", false, "u1", Label.ANALYST, Instant.parse("2026-11-20T10:00:00Z")));
  }

  @Test
  void shouldDeadLetterAMalformedLabelNamingTheFieldAndGoOn() {
    byte[] noVerdict = "{\"transaction_id\":\"tx-1\"}".getBytes(StandardCharsets.UTF_8);
    byte[] good = LabelCodec.encode(new Label("tx-2", true, null, null, null));

    SinkDecoder.add(feedback(noVerdict), batch, dead);
    SinkDecoder.add(feedback(good), batch, dead);

    assertThat(dead).singleElement().satisfies(d -> assertThat(d.problem()).contains("is_fraud"));
    assertThat(batch.labels).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z", "+275760-09-13T00:00:00Z"})
  void shouldDeadLetterADecisionWithAnUnstorableYearAndGoOn(String eventTime) {
    SinkDecoder.add(score(decisionAt(Instant.parse(eventTime))), batch, dead);
    SinkDecoder.add(score(decisionAt(Instant.parse("2026-11-20T10:00:00Z"))), batch, dead);

    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> assertThat(d.problem()).contains("event_time").contains("outside the years"));
    assertThat(batch.decisions).hasSize(1);
  }

  @Test
  void shouldDeadLetterALabelWithAnUnstorableYearAndGoOn() {
    // Before, a label of the year 10000 was stored as it was.
    Label future = new Label("tx-1", true, "u1", null, Instant.parse("+10000-01-01T00:00:00Z"));

    SinkDecoder.add(feedback(LabelCodec.encode(future)), batch, dead);

    assertThat(dead)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.problem())
                    .startsWith("labelled_at: ")
                    .contains("+10000-01-01T00:00:00Z")
                    .contains("outside the years 0000-9999"));
    assertThat(batch.labels).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Corner\\u0000Shop", "Corner\\ud800Shop", "Corner\\udc00"})
  void shouldDeadLetterTextPostgresqlCannotHoldInsteadOfStoringItAltered(String escaped) {
    // Before, an unpaired surrogate was stored as '?' without a word.
    byte[] label =
        ("{\"transaction_id\":\"" + escaped + "\",\"is_fraud\":true}")
            .getBytes(StandardCharsets.UTF_8);

    SinkDecoder.add(feedback(label), batch, dead);

    assertThat(dead)
        .singleElement()
        .satisfies(d -> assertThat(d.problem()).startsWith("text holds"));
    assertThat(batch.labels).isEmpty();
  }

  @Test
  void shouldSkipATombstoneOnAccountStatusWithoutADeadLetter() {
    SinkDecoder.add(
        new ConsumerRecord<>(TopicCatalog.ACCOUNT_STATUS, 0, 0L, "u1", null), batch, dead);

    assertThat(dead).isEmpty();
    assertThat(batch.statuses).isEmpty();
  }

  private static byte[] decisionAt(Instant eventTime) {
    Transaction tx =
        Transaction.builder()
            .transactionId("tx-1")
            .userId("u1")
            .amount(new BigDecimal("12.50"))
            .timestamp(eventTime)
            .build();
    Decision d =
        FraudDetector.of(RuleSetCodec.loadDefault())
            .assess(tx, UserProfile.empty("u1"), AccountStatus.ACTIVE)
            .decision();
    return DecisionCodec.encodeDecision(d, tx);
  }

  private static ConsumerRecord<String, byte[]> score(byte[] value) {
    return new ConsumerRecord<>(TopicCatalog.FRAUD_SCORES, 0, 0L, "u1", value);
  }

  private static ConsumerRecord<String, byte[]> feedback(byte[] value) {
    return new ConsumerRecord<>(TopicCatalog.FRAUD_FEEDBACK, 0, 0L, "u1", value);
  }
}
