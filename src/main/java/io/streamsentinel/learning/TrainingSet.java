package io.streamsentinel.learning;

import io.streamsentinel.detection.Feature;
import io.streamsentinel.domain.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A point-in-time training set: each decision of {@code fraud-scores} joined by transaction id with
 * the latest label of {@code fraud-feedback}. The features are the decision's own, so nothing is
 * recomputed and nothing later than the decision leaks in. Examples are ordered by event time, then
 * transaction id.
 *
 * @param examples in event-time order
 * @param unlabelled decisions in the window without any label, left out
 * @param orphanLabels transactions labelled but never decided (in what was read), left out
 * @param duplicateDecisions decisions of a transaction already decided; the first one read is kept
 * @param outsideWindow labelled decisions whose event time is outside {@code since} / {@code until}
 * @param assumedLegitimate unlabelled decisions taken as legitimate because they matured (see
 *     {@link Builder#assumeLegitimateAfter}); they are among the examples
 */
public record TrainingSet(
    List<TrainingExample> examples,
    long unlabelled,
    long orphanLabels,
    long duplicateDecisions,
    long outsideWindow,
    long assumedLegitimate) {

  /** The input schema: the feature names, in the order of every example's values. */
  public static final List<String> FEATURE_NAMES =
      Arrays.stream(Feature.values()).map(Feature::wireName).toList();

  private static final Comparator<TrainingExample> EVENT_ORDER =
      Comparator.comparing(TrainingExample::eventTime)
          .thenComparing(TrainingExample::transactionId);

  public TrainingSet {
    examples = examples.stream().sorted(EVENT_ORDER).toList();
  }

  /** A set without matured decisions. */
  public TrainingSet(
      List<TrainingExample> examples,
      long unlabelled,
      long orphanLabels,
      long duplicateDecisions,
      long outsideWindow) {
    this(examples, unlabelled, orphanLabels, duplicateDecisions, outsideWindow, 0);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The input schema; see {@link #FEATURE_NAMES}. */
  public List<String> featureNames() {
    return FEATURE_NAMES;
  }

  public ClassCounts counts() {
    return ClassCounts.of(examples);
  }

  /**
   * Holds out the latest {@code 1 - trainingFraction} of the examples by event time (the training
   * size rounded to a whole example). Examples that share the event time at the cut all stay in
   * training, so the holdout is strictly later than training and may be a little smaller than
   * asked.
   *
   * @param trainingFraction in (0, 1], e.g. 0.8
   */
  public TimeSplit split(double trainingFraction) {
    if (!(trainingFraction > 0 && trainingFraction <= 1)) {
      throw new IllegalArgumentException(
          "trainingFraction: must be in (0, 1], got " + trainingFraction);
    }
    int cut = (int) Math.round(examples.size() * trainingFraction);
    while (cut > 0
        && cut < examples.size()
        && examples.get(cut).eventTime().equals(examples.get(cut - 1).eventTime())) {
      cut++;
    }
    return new TimeSplit(examples.subList(0, cut), examples.subList(cut, examples.size()));
  }

  /**
   * Collects decisions and labels in any order, then joins them. Not thread-safe: one reader feeds
   * it.
   */
  public static final class Builder {

    private final Map<String, DecidedTransaction> decisions = new LinkedHashMap<>();
    private final LatestLabels labels = new LatestLabels();
    private long duplicateDecisions;
    private Instant since = Instant.MIN;
    private Instant until = Instant.MAX;
    private Duration maturity;

    private Builder() {}

    /** Keeps decisions with an event time at or after {@code value} only. */
    public Builder since(Instant value) {
      since = value;
      return this;
    }

    /** Keeps decisions with an event time before {@code value} only. */
    public Builder until(Instant value) {
      until = value;
      return this;
    }

    /**
     * Takes an unlabelled decision as legitimate once the labels have come {@code maturity} past
     * its event time: fraud is reported (a chargeback) within a known window, so a transaction
     * nobody disputed by then is, as fraud teams count it, legitimate. Without it, a set where
     * analysts confirm only a few legitimate transactions holds far more fraud than the traffic,
     * and the model's probability would be too high for the alert threshold.
     */
    public Builder assumeLegitimateAfter(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("maturity must not be negative but was " + value);
      }
      maturity = value;
      return this;
    }

    /** A decision; a second one of the same transaction is counted and dropped. */
    public Builder addDecision(DecidedTransaction decision) {
      if (decisions.putIfAbsent(decision.transactionId(), decision) != null) {
        duplicateDecisions++;
      }
      return this;
    }

    /**
     * A label event.
     *
     * @param recordTime the record's timestamp, which stands in for a missing {@code labelled_at}
     */
    public Builder addLabel(Label label, Instant recordTime) {
      labels.add(label, recordTime);
      return this;
    }

    public TrainingSet build() {
      List<TrainingExample> examples = new ArrayList<>();
      long unlabelled = 0;
      long outside = 0;
      long matured = 0;
      Instant matureBefore =
          maturity == null || labels.newest() == null ? null : labels.newest().minus(maturity);
      for (DecidedTransaction d : decisions.values()) {
        Boolean fraud = labels.fraud(d.transactionId());
        if (fraud == null
            && matureBefore != null
            && isInWindow(d)
            && !d.eventTime().isAfter(matureBefore)) {
          examples.add(d.labelled(false));
          matured++;
        } else if (fraud == null) {
          unlabelled += isInWindow(d) ? 1 : 0;
        } else if (isInWindow(d)) {
          examples.add(d.labelled(fraud));
        } else {
          outside++;
        }
      }
      Set<String> orphans = new HashSet<>(labels.transactionIds());
      orphans.removeAll(decisions.keySet());
      return new TrainingSet(
          examples, unlabelled, orphans.size(), duplicateDecisions, outside, matured);
    }

    private boolean isInWindow(DecidedTransaction d) {
      return !d.eventTime().isBefore(since) && d.eventTime().isBefore(until);
    }
  }
}
