package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Which label of a batch reaches the table, and the rule the table applies across batches. */
class LabelRowsTest {

  private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void shouldKeepTheLatestLabelOfEachTransactionWhateverTheOrder() {
    var newer = label("tx-1", true, T2, 0);
    var older = label("tx-1", false, T1, 1);
    var other = label("tx-2", false, T1, 2);

    assertThat(LabelRows.latestPerTransaction(List.of(newer, older, other)))
        .containsExactly(newer, other);
    assertThat(LabelRows.latestPerTransaction(List.of(older, other, newer)))
        .containsExactly(newer, other);
  }

  @Test
  void shouldKeepTheFirstOfTwoLabelsGivenAtTheSameInstant() {
    var first = label("tx-1", true, T1, 0);
    var second = label("tx-1", false, T1, 1);

    assertThat(LabelRows.latestPerTransaction(List.of(first, second))).containsExactly(first);
  }

  @Test
  void shouldTakeTheRecordTimeWhenTheEventHasNoLabelTime() {
    var undated = label("tx-1", true, null, 0, T3);
    var dated = label("tx-1", false, T2, 1, T1);

    assertThat(LabelRows.labelledAt(undated)).isEqualTo(T3);
    assertThat(LabelRows.labelledAt(dated)).isEqualTo(T2);
    assertThat(LabelRows.latestPerTransaction(List.of(dated, undated))).containsExactly(undated);
  }

  @Test
  void shouldCompareLabelTimesAtTheMicrosecondsPostgresKeeps() {
    var row = label("tx-1", true, Instant.parse("2026-11-20T10:00:00.123456789Z"), 0);

    assertThat(LabelRows.labelledAt(row)).isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
  }

  @Test
  void shouldReplaceAStoredLabelOnlyWithAStrictlyNewerOne() {
    assertThat(LabelRows.UPSERT)
        .contains("ON CONFLICT (transaction_id) DO UPDATE")
        .endsWith("WHERE labels.labelled_at < EXCLUDED.labelled_at");
  }

  private static SinkBatch.Row<Label> label(String tx, boolean fraud, Instant at, long offset) {
    return label(tx, fraud, at, offset, T1);
  }

  private static SinkBatch.Row<Label> label(
      String tx, boolean fraud, Instant at, long offset, Instant recordTime) {
    ConsumerRecord<String, byte[]> origin =
        new ConsumerRecord<>(
            TopicCatalog.FRAUD_FEEDBACK,
            0,
            offset,
            recordTime.toEpochMilli(),
            TimestampType.CREATE_TIME,
            0,
            0,
            "u",
            new byte[0],
            new RecordHeaders(),
            Optional.empty());
    return new SinkBatch.Row<>(new Label(tx, fraud, "u", Label.CHARGEBACK, at), origin);
  }
}
