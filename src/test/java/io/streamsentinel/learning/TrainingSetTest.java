package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static DecidedTransaction decision(String id, long second) {
    double[] features = new double[Feature.COUNT];
    features[0] = second;
    return new DecidedTransaction(id, at(second), features, 0.5, "grocery", "online");
  }

  private static Label label(String id, boolean fraud, Instant labelledAt) {
    return new Label(id, fraud, "user-1", Label.ANALYST, labelledAt);
  }

  @Test
  void shouldKeepTheLabelWithTheStrictlyLaterLabelledAt() {
    TrainingSet set =
        TrainingSet.builder()
            .addDecision(decision("tx-1", 1))
            .addLabel(label("tx-1", true, at(200)), at(900))
            .addLabel(label("tx-1", false, at(100)), at(950)) // older verdict, read later
            .addLabel(label("tx-1", false, at(200)), at(990)) // same time: the first stays
            .build();

    assertThat(set.examples()).singleElement().extracting(TrainingExample::fraud).isEqualTo(true);
  }

  @Test
  void shouldUseTheRecordTimeWhenLabelledAtIsMissing() {
    TrainingSet set =
        TrainingSet.builder()
            .addDecision(decision("tx-1", 1))
            .addDecision(decision("tx-2", 2))
            .addLabel(label("tx-1", true, at(500)), at(500))
            .addLabel(label("tx-1", false, null), at(600)) // record time 600 is later: wins
            .addLabel(label("tx-2", true, null), at(700))
            .addLabel(label("tx-2", false, at(650)), at(800)) // 650 is earlier than 700: loses
            .build();

    assertThat(set.examples())
        .extracting(TrainingExample::transactionId, TrainingExample::fraud)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tx-1", false),
            org.assertj.core.groups.Tuple.tuple("tx-2", true));
  }

  @Test
  void shouldCountUnlabelledDecisionsOrphanLabelsAndDuplicates() {
    DecidedTransaction first = decision("tx-1", 1);
    DecidedTransaction second =
        new DecidedTransaction("tx-1", at(9), new double[Feature.COUNT], 0.9, null, null);
    TrainingSet set =
        TrainingSet.builder()
            .addDecision(first)
            .addDecision(second)
            .addDecision(decision("tx-2", 2))
            .addDecision(decision("tx-3", 3))
            .addLabel(label("tx-1", true, at(10)), at(10))
            .addLabel(label("tx-9", true, at(10)), at(10))
            .addLabel(label("tx-9", false, at(11)), at(11))
            .build();

    assertThat(set.examples()).containsExactly(first.labelled(true));
    assertThat(set.unlabelled()).isEqualTo(2);
    assertThat(set.orphanLabels()).isEqualTo(1);
    assertThat(set.duplicateDecisions()).isEqualTo(1);
    assertThat(set.counts()).isEqualTo(new ClassCounts(1, 0));
  }

  @Test
  void shouldKeepOnlyDecisionsFromSinceUntilUntilExclusive() {
    TrainingSet.Builder builder = TrainingSet.builder().since(at(10)).until(at(20));
    for (int s : new int[] {9, 10, 19, 20}) {
      builder.addDecision(decision("tx-" + s, s)).addLabel(label("tx-" + s, false, null), at(99));
    }
    builder.addDecision(decision("tx-unlabelled-outside", 30));

    TrainingSet set = builder.build();

    assertThat(set.examples())
        .extracting(TrainingExample::transactionId)
        .containsExactly("tx-10", "tx-19");
    assertThat(set.outsideWindow()).isEqualTo(2);
    assertThat(set.unlabelled()).isZero();
    assertThat(set.orphanLabels()).isZero();
  }

  @Test
  void shouldHoldOutExactlyTheLatestFifthByEventTime() {
    TrainingSet.Builder builder = TrainingSet.builder();
    for (int i = 0; i < 100; i++) {
      long second = (i * 37L) % 100; // read out of event-time order
      builder.addDecision(decision("tx-" + second, second));
      builder.addLabel(label("tx-" + second, second % 10 == 0, null), at(1000));
    }

    TimeSplit split = builder.build().split(0.8);

    assertThat(split.training()).hasSize(80);
    assertThat(split.holdout()).hasSize(20);
    assertThat(split.holdout()).allSatisfy(e -> assertThat(e.eventTime()).isAfterOrEqualTo(at(80)));
    assertThat(split.training()).doesNotContainAnyElementsOf(split.holdout());
    assertThat(split.trainingCounts()).isEqualTo(new ClassCounts(8, 72));
    assertThat(split.holdoutCounts()).isEqualTo(new ClassCounts(2, 18));
  }

  @Test
  void shouldKeepExamplesSharingTheCutTimeOnTheTrainingSide() {
    TrainingSet.Builder builder = TrainingSet.builder();
    long[] seconds = {1, 2, 3, 4, 5, 6, 7, 7, 7, 8};
    for (int i = 0; i < seconds.length; i++) {
      builder
          .addDecision(decision("tx-" + i, seconds[i]))
          .addLabel(label("tx-" + i, false, null), at(99));
    }

    TimeSplit split = builder.build().split(0.8);

    assertThat(split.training()).hasSize(9);
    assertThat(split.holdout()).extracting(TrainingExample::transactionId).containsExactly("tx-9");
    Instant lastTraining = split.training().get(split.training().size() - 1).eventTime();
    assertThat(split.holdout()).allSatisfy(e -> assertThat(e.eventTime()).isAfter(lastTraining));
  }

  @Test
  void shouldCarryTheFeaturesTheDetectorComputedAtDecisionTime() {
    TransactionSimulator simulator =
        new TransactionSimulator(new GeneratorSettings(11, 50, 0.05, T0));
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    Map<String, UserProfile> profiles = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      Transaction tx = simulator.next();
      FraudDetector.Assessment a =
          detector.assess(
              tx,
              profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId())),
              AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());

      DecidedTransaction read =
          DecidedTransaction.of(
              DecisionDocumentReader.read(DecisionCodec.encodeDecision(a.decision(), tx)));

      double[] expected = a.decision().features().toArray();
      for (int f = 0; f < Feature.COUNT; f++) {
        // the codec keeps six decimals
        assertThat(read.features()[f])
            .as("%s of %s", Feature.values()[f].wireName(), tx.transactionId())
            .isCloseTo(expected[f], org.assertj.core.data.Offset.offset(1e-6));
      }
      assertThat(read.ruleScore())
          .isCloseTo(a.decision().score(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(read.eventTime()).isEqualTo(a.decision().eventTime());
      assertThat(read.merchantCategory()).isEqualTo(tx.merchantCategory());
    }
    assertThat(TrainingSet.FEATURE_NAMES)
        .hasSize(Feature.COUNT)
        .startsWith(Feature.AMOUNT.wireName())
        .contains(Feature.HISTORY_COUNT.wireName());
  }

  @Test
  void shouldRejectADecisionMissingAFeature() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DecidedTransaction.features("{\"amount\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount_zscore");
    assertThat(List.of()).isEmpty();
  }
}
