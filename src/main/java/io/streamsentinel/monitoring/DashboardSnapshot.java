package io.streamsentinel.monitoring;

import io.streamsentinel.detection.drift.DriftReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One second of the dashboard, as the page receives it (JSON, snake_case names).
 *
 * @param latest the last closed one-second interval; null in the first second
 * @param series up to {@link DashboardState#SERIES_LENGTH} intervals, oldest first
 * @param fraudRate alerts per decision over the last {@link DashboardState#FRAUD_RATE_WINDOW}
 *     seconds; null before any decision
 * @param alerts the latest alerts, newest first
 * @param actions the latest actions, newest first
 * @param riskiestUsers the users with the highest alert scores seen since the dashboard started
 * @param lag per group and partition, refreshed every few seconds; empty until first read
 * @param health the component's health as {@link HealthStatus#describe()}; null when it has none
 * @param model the champion model in force and its holdout figures; null while the rules score
 *     alone
 * @param drift the champion model's drift as this process's detector sees it; null when the process
 *     runs no detector
 */
public record DashboardSnapshot(
    Instant time,
    RatePoint latest,
    List<RatePoint> series,
    Totals totals,
    Double fraudRate,
    List<ScoreBucket> scoreDistribution,
    List<AlertItem> alerts,
    List<ActionItem> actions,
    List<UserRisk> riskiestUsers,
    List<PartitionLag> lag,
    Map<String, Object> health,
    ModelInfo model,
    DriftInfo drift) {

  /** A snapshot while the rules score alone. */
  public DashboardSnapshot(
      Instant time,
      RatePoint latest,
      List<RatePoint> series,
      Totals totals,
      Double fraudRate,
      List<ScoreBucket> scoreDistribution,
      List<AlertItem> alerts,
      List<ActionItem> actions,
      List<UserRisk> riskiestUsers,
      List<PartitionLag> lag,
      Map<String, Object> health) {
    this(
        time,
        latest,
        series,
        totals,
        fraudRate,
        scoreDistribution,
        alerts,
        actions,
        riskiestUsers,
        lag,
        health,
        null,
        null);
  }

  /** The same snapshot with the model in force. */
  public DashboardSnapshot withModel(ModelInfo value) {
    return new DashboardSnapshot(
        time,
        latest,
        series,
        totals,
        fraudRate,
        scoreDistribution,
        alerts,
        actions,
        riskiestUsers,
        lag,
        health,
        value,
        drift);
  }

  /** The same snapshot with the model's drift. */
  public DashboardSnapshot withDrift(DriftInfo value) {
    return new DashboardSnapshot(
        time,
        latest,
        series,
        totals,
        fraudRate,
        scoreDistribution,
        alerts,
        actions,
        riskiestUsers,
        lag,
        health,
        model,
        value);
  }

  /**
   * The champion model's drift: the live window against its training rows.
   *
   * @param state {@code no_champion}, {@code no_reference}, {@code collecting} or {@code measured}
   * @param decisions live decisions in the window
   * @param minDecisions the sample needed before PSI is given
   * @param scorePsi the score's PSI; null unless measured
   * @param maxPsi the largest PSI, of the score or an input; null unless measured
   * @param worst what drifted most ({@code score} or an input); null unless measured
   * @param limit the drift rule's limit
   * @param inputs the inputs with the largest PSI, largest first
   */
  public record DriftInfo(
      String state,
      String modelVersion,
      long decisions,
      long minDecisions,
      long windowSeconds,
      Double scorePsi,
      Double maxPsi,
      String worst,
      double limit,
      List<InputDrift> inputs) {

    /** The inputs a panel shows at most. */
    public static final int TOP_INPUTS = 6;

    /** The dashboard's view of a report. */
    public static DriftInfo of(DriftReport r, double limit) {
      List<InputDrift> top =
          r.inputs().stream()
              .limit(TOP_INPUTS)
              .map(i -> new InputDrift(i.input(), i.psi()))
              .toList();
      return new DriftInfo(
          r.state().name().toLowerCase(Locale.ROOT),
          r.modelVersion(),
          r.decisions(),
          r.minDecisions(),
          r.windowSeconds(),
          finite(r.scorePsi()),
          finite(r.maxPsi()),
          r.worst(),
          limit,
          top);
    }

    private static Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }

  /** One input's PSI. */
  public record InputDrift(String input, double psi) {}

  /**
   * The champion model: what it was trained on and how it did on its holdout, next to the rules.
   *
   * @param holdout the registry's holdout figures as training reported them
   */
  public record ModelInfo(
      String version,
      Instant promotedAt,
      Instant trainedFrom,
      Instant trainedUntil,
      Map<String, Long> labelCounts,
      Map<String, Object> holdout) {}

  /**
   * Rates per second over one interval; the counts are kept for windowed ratios.
   *
   * @param transactionsIn records arriving on synthetic-transactions per second
   */
  public record RatePoint(
      Instant time,
      double transactionsIn,
      double scored,
      double alertsRaised,
      double actionsTaken,
      long decisions,
      long alerts) {}

  /** Records seen since the dashboard started; {@code unreadable} ones were skipped. */
  public record Totals(
      long transactions, long scored, long alerts, long actions, long unreadable) {}

  /** Decisions with {@code from <= score < to} (the last bucket includes 1). */
  public record ScoreBucket(double from, double to, long count) {}

  /** An alert with what a person needs to judge it. */
  public record AlertItem(
      Instant time,
      String alertId,
      String transactionId,
      String userId,
      double score,
      String severity,
      BigDecimal amount,
      String currency,
      String merchant,
      String country,
      String city,
      List<Reason> reasons) {}

  /**
   * One reason of an alert: its code, the detector's own sentence and who gave it ({@code rule} or
   * {@code model}).
   */
  public record Reason(String code, String detail, String source) {

    /** A rule's reason. */
    public Reason(String code, String detail) {
      this(code, detail, "rule");
    }
  }

  /** An action the responder or an operator took. */
  public record ActionItem(
      Instant time,
      String userId,
      String actionType,
      String severity,
      List<String> reasons,
      String actor,
      String note) {}

  /**
   * A user ranked by alerts since the dashboard started.
   *
   * @param lastAction the latest action seen for the user, or null
   */
  public record UserRisk(
      String userId,
      long alerts,
      double maxScore,
      String lastSeverity,
      Instant lastAlert,
      String lastAction) {

    UserRisk with(AlertItem alert) {
      return new UserRisk(
          userId,
          alerts + 1,
          Math.max(maxScore, alert.score()),
          alert.severity(),
          alert.time(),
          lastAction);
    }

    UserRisk withAction(String action) {
      return new UserRisk(userId, alerts, maxScore, lastSeverity, lastAlert, action);
    }
  }
}
