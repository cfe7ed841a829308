package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

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

  private static ConsumerRecord<String, byte[]> feedback(byte[] value) {
    return new ConsumerRecord<>(TopicCatalog.FRAUD_FEEDBACK, 0, 0L, "u1", value);
  }
}
