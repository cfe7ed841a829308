package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Test vocabulary for a world's stream as a whole: its everyday events, shares, labels. */
final class WorldChecks {

  /** The labels are checked on this many events from the start of a sample. */
  private static final int LABELLED_EVENTS = 50_000;

  private WorldChecks() {}

  /** Asserts that the settings give the sample's first events again, and another seed others. */
  static void assertRepeatable(GeneratorSettings settings, SimulatedStream sample) {
    assertThat(SimulatedStream.take(settings, 20_000).events())
        .isEqualTo(sample.events().subList(0, 20_000));
    assertThat(SimulatedStream.take(settings.withSeed(settings.seed() + 1), 1_000).events())
        .isNotEqualTo(sample.events().subList(0, 1_000));
  }

  /**
   * Asserts that the sample's first transaction id is {@code firstId} and that none of its user ids
   * and transaction ids is among the other samples' (other worlds' of the same seed).
   */
  static void assertIdsApart(SimulatedStream sample, String firstId, SimulatedStream... others) {
    assertThat(sample.events().get(0).transactionId()).isEqualTo(firstId);
    for (SimulatedStream other : others) {
      assertThat(sample.users().keySet()).doesNotContainAnyElementsOf(other.users().keySet());
      Set<String> ids =
          other.events().stream().map(Transaction::transactionId).collect(Collectors.toSet());
      assertThat(sample.events()).noneMatch(t -> ids.contains(t.transactionId()));
    }
  }

  /** The everyday (unlabelled) events of a sample, in stream order. */
  static List<Transaction> normal(SimulatedStream stream) {
    return stream.events().stream().filter(t -> !t.isFraud()).toList();
  }

  /** The share of the events that pass {@code test}. */
  static double share(List<Transaction> events, Predicate<Transaction> test) {
    return events.stream().filter(test).count() / (double) events.size();
  }

  /** The {@code q} quantile of the events' amounts. */
  static double quantile(List<Transaction> events, double q) {
    double[] amounts =
        events.stream().mapToDouble(t -> t.amount().doubleValue()).sorted().toArray();
    return amounts[(int) (q * (amounts.length - 1))];
  }

  /**
   * Asserts that within a fifth of {@code rate} of the sample's events are labelled, each with one
   * of {@code kinds}, and each kind within 30 % of its expected share (in proportion to its mean
   * length, kinds being drawn uniformly).
   */
  static void assertLabelledInProportion(SimulatedStream stream, double rate, FraudKind... kinds) {
    List<Transaction> fraud = stream.events().stream().filter(Transaction::isFraud).toList();
    double fraction = (double) fraud.size() / stream.events().size();
    assertThat(fraction).isBetween(rate * 0.8, rate * 1.2);
    Map<String, Long> counts =
        fraud.stream()
            .collect(Collectors.groupingBy(Transaction::fraudPattern, Collectors.counting()));
    assertThat(Arrays.stream(kinds).map(FraudKind::wireName).toList()).containsAll(counts.keySet());
    double totalMean = Arrays.stream(kinds).mapToDouble(FraudKind::meanEvents).sum();
    for (FraudKind kind : kinds) {
      double expected = kind.meanEvents() / totalMean;
      double observed = counts.getOrDefault(kind.wireName(), 0L) / (double) fraud.size();
      assertThat(observed)
          .as("share of %s", kind.wireName())
          .isBetween(expected * 0.7, expected * 1.3);
    }
  }

  /**
   * Asserts that every labelled event among the sample's first events comes back as a chargeback,
   * no legitimate one does, and every one of {@code kinds} is among them.
   */
  static void assertChargebackForEveryFraud(SimulatedStream stream, long seed, FraudKind... kinds) {
    LabelFeed feed = new LabelFeed(LabelFeed.Policy.defaults(), seed);
    Map<String, Transaction> byId = new HashMap<>();
    List<Transaction> events = stream.events().subList(0, LABELLED_EVENTS);
    events.forEach(
        t -> {
          feed.observe(t);
          byId.put(t.transactionId(), t);
        });
    Instant after =
        events.get(events.size() - 1).timestamp().plus(LabelFeed.Policy.defaults().latest());
    List<Label> chargebacks = feed.due(after).stream().filter(Label::fraud).toList();
    assertThat(chargebacks).hasSize((int) events.stream().filter(Transaction::isFraud).count());
    assertThat(chargebacks)
        .allSatisfy(l -> assertThat(byId.get(l.transactionId()).isFraud()).isTrue());
    assertThat(
            chargebacks.stream()
                .map(l -> byId.get(l.transactionId()).fraudPattern())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(kinds).map(FraudKind::wireName).toList());
  }
}
