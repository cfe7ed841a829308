package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.FuzzSeeds;
import io.streamsentinel.codec.Mutations;
import io.streamsentinel.codec.Storable;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Fuzzes the sink's side of every stored topic: {@link SinkDecoder} turns any record into a row or
 * a dead letter, and every row it keeps is one PostgreSQL can store. The decisions' rows are
 * checked in the very COPY text {@link DecisionRows} sends, no database needed: no NUL byte in it
 * (text refuses one) and no escaped NUL in the JSON columns (JSONB refuses one).
 */
class SinkDecoderFuzzTest {

  /** A mutant of some topic's valid record, on that topic. */
  record Input(String topic, Mutations.Mutant value) {}

  @Provide
  Arbitrary<Input> records() {
    return Arbitraries.oneOf(
        on(TopicCatalog.FRAUD_SCORES, FuzzSeeds.decisions()),
        on(TopicCatalog.FRAUD_ALERTS, FuzzSeeds.decisions()),
        on(TopicCatalog.USER_ACTIONS, FuzzSeeds.userActions()),
        on(TopicCatalog.ACCOUNT_STATUS, FuzzSeeds.accountStates()),
        on(TopicCatalog.FRAUD_FEEDBACK, FuzzSeeds.labels()));
  }

  private static Arbitrary<Input> on(String topic, List<byte[]> seeds) {
    return Combinators.combine(Arbitraries.just(topic), Mutations.ofJson(seeds)).as(Input::new);
  }

  @Property
  void shouldKeepOnlyRowsTheDatabaseCanStore(@ForAll("records") Input input) {
    SinkBatch batch = new SinkBatch();
    List<DeadLetter> dead = new ArrayList<>();

    SinkDecoder.add(
        new ConsumerRecord<>(input.topic(), 0, 42L, "key", input.value().bytes()), batch, dead);

    assertThat(batch.size() + dead.size()).isEqualTo(1);
    String copy = DecisionRows.copyText(batch.decisions).toString();
    assertThat(copy).doesNotContain("\u0000").doesNotContain("\\\\u0000");
    Stream.concat(batch.decisions.stream(), batch.alerts.stream())
        .map(SinkBatch.Row::value)
        .forEach(
            d -> {
              Storable.requireText(d.alertId());
              Storable.requireJson(d.reasonsJson());
              Storable.requireJson(d.featuresJson());
              Storable.requireInstant(d.eventTime());
            });
    batch.actions.forEach(
        row -> {
          var a = row.value();
          Storable.requireText(a.actionId(), a.alertId(), a.transactionId(), a.userId());
          Storable.requireText(a.policyVersion(), a.actor(), a.note());
          Storable.requireText(a.reasons().toArray(String[]::new));
          Storable.requireInstant(a.decidedAt());
          Storable.requireInstant(a.alertTime());
        });
    batch.statuses.forEach(
        row -> {
          Storable.requireText(row.value().userId(), row.value().reason());
          Storable.requireInstant(row.value().updatedAt());
          Storable.requireInstant(row.value().expiresAt());
        });
    batch.labels.forEach(
        row -> {
          var l = row.value();
          Storable.requireText(l.transactionId(), l.userId(), l.source());
          Storable.requireInstant(LabelRows.labelledAt(row));
        });
  }
}
