package io.streamsentinel.learning;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.Scorer;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Replays logged history through a candidate — a rule set or a model — and sets its figures next to
 * what was live over the same decisions. Each decision's own logged features are scored, so nothing
 * is recomputed and nothing live is touched: the topics are only read, no state is written.
 *
 * <p>Which decisions count is exactly what {@code evaluate} counts: labelled ones (the latest label
 * on {@code fraud-feedback}, else the ground truth the decision carried), without the decisions on
 * accounts already blocked (enforcement of an earlier decision, not detection). So with the live
 * configuration as the candidate, both columns equal {@code evaluate}'s figures.
 */
public final class Backtest {

  /** How many changed decisions of each kind the result keeps as a sample. */
  public static final int SAMPLE = 10;

  private static final double SECONDS_PER_DAY = 86_400;

  /** What is replayed: scores a logged decision's features. Thread-confined. */
  public interface Candidate {

    /** What the report calls it, e.g. {@code rules custom-2} or {@code model v3}. */
    String name();

    /** The candidate's score of a logged decision. */
    double score(FeatureVector features, DecisionDocument logged);

    /** Whether the candidate scores this decision at all; the others are left out and counted. */
    default boolean applies(DecisionDocument logged) {
      return true;
    }
  }

  /**
   * The shadow model logged beside the champion: its score as each decision carries it. Only
   * decisions made while a shadow ran count.
   */
  public static Candidate loggedShadow() {
    return new Candidate() {
      @Override
      public String name() {
        return "shadow";
      }

      @Override
      public double score(FeatureVector features, DecisionDocument logged) {
        return logged.shadowScore();
      }

      @Override
      public boolean applies(DecisionDocument logged) {
        return logged.shadowScore() != null;
      }
    };
  }

  /**
   * A rule set as the candidate: the scorer's own score of the logged features, with the rules the
   * decision names as snoozed silenced, as the detector silenced them. (A snooze lifted since still
   * silences here: the replay is of what the detector decided under it.)
   */
  public static Candidate rules(RuleSet rules) {
    Scorer scorer = new Scorer(rules);
    return new Candidate() {
      @Override
      public String name() {
        return "rules " + rules.version();
      }

      @Override
      public double score(FeatureVector features, DecisionDocument logged) {
        return scorer.scoreOf(features, logged.snoozed());
      }
    };
  }

  /**
   * A model as the candidate, merged as the detector merges it: its probability, raised to the
   * logged rules' score when one of {@code hardReasons} was among the logged reasons.
   */
  public static Candidate model(ScoringModel model, Set<String> hardReasons) {
    return new Candidate() {
      @Override
      public String name() {
        return "model " + model.version();
      }

      @Override
      public double score(FeatureVector features, DecisionDocument logged) {
        double p = model.probability(features, logged.eventTime());
        for (String code : logged.reasonCodes()) {
          if (hardReasons.contains(code)) {
            return Math.max(p, logged.rulesScore());
          }
        }
        return p;
      }
    };
  }

  /**
   * One side's figures.
   *
   * @param quality precision, recall, F1, confusion matrix and ROC AUC at the threshold, overall
   *     and per pattern — as {@code evaluate} computes them
   * @param alertsPerDay alerts over the span of the decisions' event times
   * @param fraudAmount the amount of the labelled fraud
   * @param fraudAmountCaught the part of it that alerted
   */
  public record Figures(
      QualityReport quality,
      double alertsPerDay,
      BigDecimal fraudAmount,
      BigDecimal fraudAmountCaught) {}

  /** A decision the candidate would have decided the other way. */
  public record Change(
      String transactionId,
      String userId,
      Instant eventTime,
      BigDecimal amount,
      double liveScore,
      double candidateScore,
      boolean fraud) {}

  /**
   * What a replay found.
   *
   * @param candidate the candidate's name
   * @param live what was live: the logged scores
   * @param replayed the candidate's figures on the same decisions
   * @param decisionsRead records of {@code fraud-scores} read
   * @param unlabelled decisions without a label, left out
   * @param enforcement decisions on accounts already blocked, left out
   * @param undecodable records that were not decisions, skipped
   * @param outsideWindow decisions outside {@code since} / {@code until}, left out
   * @param notScored decisions the candidate does not score (e.g. made while no shadow ran), left
   *     out
   * @param newAlerts decisions that would alert and did not
   * @param droppedAlerts decisions that alerted and would not
   * @param newAlertSample up to {@link #SAMPLE} of the new alerts, first read first
   * @param droppedAlertSample up to {@link #SAMPLE} of the dropped ones
   * @param from the earliest event time replayed; null when none
   * @param to the latest; null when none
   */
  public record Result(
      String candidate,
      double threshold,
      Figures live,
      Figures replayed,
      long decisionsRead,
      long unlabelled,
      long enforcement,
      long undecodable,
      long outsideWindow,
      long notScored,
      long newAlerts,
      long droppedAlerts,
      List<Change> newAlertSample,
      List<Change> droppedAlertSample,
      Instant from,
      Instant to) {}

  private final ClientConfigFactory clients;
  private final double threshold;

  /**
   * @param threshold the alert threshold both sides are judged at
   */
  public Backtest(ClientConfigFactory clients, double threshold) {
    this.clients = clients;
    this.threshold = threshold;
  }

  /**
   * Reads the labels, then replays every committed decision in the window.
   *
   * @param since decisions at or after this event time; null for all
   * @param until decisions before this event time; null for all
   * @param progress sees every record read, for a progress line
   */
  public Result run(
      Candidate candidate,
      Instant since,
      Instant until,
      Consumer<ConsumerRecord<String, byte[]>> progress) {
    LatestLabels labels = new LatestLabels();
    CommittedRecords.read(
        clients,
        TopicCatalog.FRAUD_FEEDBACK,
        Map.of(),
        r -> {
          progress.accept(r);
          try {
            labels.add(LabelCodec.decode(r.value()), Instant.ofEpochMilli(r.timestamp()));
          } catch (IllegalArgumentException e) {
            // A malformed label is the sink's dead letter; here it only does not count.
          }
        });
    Replay replay = new Replay(candidate, labels, since, until);
    long read =
        CommittedRecords.read(
            clients,
            TopicCatalog.FRAUD_SCORES,
            Map.of(),
            r -> {
              progress.accept(r);
              replay.add(r.value());
            });
    return replay.result(read);
  }

  /** The tally of one replay; one reading thread. */
  private final class Replay {
    private final Candidate candidate;
    private final LatestLabels labels;
    private final Instant since;
    private final Instant until;
    private final Side live = new Side();
    private final Side replayed = new Side();
    private final List<Change> newSample = new ArrayList<>();
    private final List<Change> droppedSample = new ArrayList<>();
    private long unlabelled;
    private long enforcement;
    private long undecodable;
    private long outside;
    private long notScored;
    private long newAlerts;
    private long droppedAlerts;
    private Instant from;
    private Instant to;

    Replay(Candidate candidate, LatestLabels labels, Instant since, Instant until) {
      this.candidate = candidate;
      this.labels = labels;
      this.since = since;
      this.until = until;
    }

    void add(byte[] value) {
      DecisionDocument d;
      FeatureVector features;
      try {
        if (value == null) {
          throw new IllegalArgumentException("no value");
        }
        d = DecisionDocumentReader.read(value);
        features = FeatureVector.of(DecidedTransaction.features(d.featuresJson()));
      } catch (IllegalArgumentException e) {
        undecodable++;
        return;
      }
      if ((since != null && d.eventTime().isBefore(since))
          || (until != null && !d.eventTime().isBefore(until))) {
        outside++;
        return;
      }
      if (d.isEnforcement()) {
        enforcement++;
        return;
      }
      if (!candidate.applies(d)) {
        notScored++;
        return;
      }
      Boolean label = labels.fraud(d.transactionId());
      boolean fraud;
      if (label != null) {
        fraud = label;
      } else if (d.isFraud() != null) {
        fraud = d.isFraud();
      } else {
        unlabelled++;
        return;
      }
      from = from == null || d.eventTime().isBefore(from) ? d.eventTime() : from;
      to = to == null || d.eventTime().isAfter(to) ? d.eventTime() : to;
      double liveScore = d.score();
      // At the precision decisions are logged with (micro units), so that the live configuration
      // replayed ranks exactly as its logged scores do: graded rules give scores that differ in
      // the seventh decimal, and ties there would otherwise move the ROC AUC a hair.
      double candidateScore = Math.round(candidate.score(features, d) * 1e6) / 1e6;
      live.add(liveScore, fraud, d);
      replayed.add(candidateScore, fraud, d);
      boolean wasAlert = liveScore >= threshold;
      boolean isAlert = candidateScore >= threshold;
      if (wasAlert != isAlert) {
        Change change =
            new Change(
                d.transactionId(),
                d.userId(),
                d.eventTime(),
                d.amount(),
                liveScore,
                candidateScore,
                fraud);
        if (isAlert) {
          newAlerts++;
          keep(newSample, change);
        } else {
          droppedAlerts++;
          keep(droppedSample, change);
        }
      }
    }

    private void keep(List<Change> sample, Change change) {
      if (sample.size() < SAMPLE) {
        sample.add(change);
      }
    }

    Result result(long read) {
      double days =
          from == null ? 0 : (to.getEpochSecond() - from.getEpochSecond()) / SECONDS_PER_DAY;
      return new Result(
          candidate.name(),
          threshold,
          live.figures(days),
          replayed.figures(days),
          read,
          unlabelled,
          enforcement,
          undecodable,
          outside,
          notScored,
          newAlerts,
          droppedAlerts,
          List.copyOf(newSample),
          List.copyOf(droppedSample),
          from,
          to);
    }
  }

  /** One side's tally. */
  private final class Side {
    private final DetectionQuality quality = new DetectionQuality();
    private long alerts;
    private BigDecimal fraudAmount = BigDecimal.ZERO;
    private BigDecimal caught = BigDecimal.ZERO;

    void add(double score, boolean fraud, DecisionDocument d) {
      quality.add(score, fraud, d.fraudPattern());
      boolean alert = score >= threshold;
      alerts += alert ? 1 : 0;
      if (fraud) {
        fraudAmount = fraudAmount.add(d.amount());
        if (alert) {
          caught = caught.add(d.amount());
        }
      }
    }

    Figures figures(double days) {
      return new Figures(
          quality.report(threshold), days > 0 ? alerts / days : alerts, fraudAmount, caught);
    }
  }
}
