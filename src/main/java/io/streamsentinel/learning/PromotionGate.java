package io.streamsentinel.learning;

import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.quality.Ranking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The champion/challenger gate of continuous retraining: a candidate is promoted only when, on its
 * own holdout, its ROC AUC is at least the champion's and its precision at the alert threshold is
 * not worse than the champion's by more than {@link #PRECISION_TOLERANCE}. Without a champion the
 * rules are the incumbent. Both are judged on exactly the same decisions.
 */
public final class PromotionGate {

  /** How much precision at the threshold a candidate may lose and still be promoted. */
  public static final double PRECISION_TOLERANCE = 0.02;

  private PromotionGate() {}

  /**
   * The decision and the figures it rests on.
   *
   * @param promote whether the candidate goes in force
   * @param incumbent what it was judged against: {@code model vN} or {@code rules}
   * @param candidate the candidate's holdout figures
   * @param incumbentFigures the incumbent's figures on the same holdout
   * @param reason one sentence for the log and the registry
   */
  public record Decision(
      boolean promote,
      String incumbent,
      ScorerFigures candidate,
      ScorerFigures incumbentFigures,
      String reason) {

    /** The decision as kept with the candidate's record in the registry. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("promoted", promote);
      m.put("against", incumbent);
      m.put("candidate_roc_auc", candidate.rocAuc());
      m.put("incumbent_roc_auc", incumbentFigures.rocAuc());
      m.put("candidate_precision_at_threshold", candidate.precisionAtThreshold());
      m.put("incumbent_precision_at_threshold", incumbentFigures.precisionAtThreshold());
      m.put("reason", reason);
      return m;
    }
  }

  /**
   * Judges {@code trained} against {@code champion} (null: against the rules) on the holdout of
   * {@code set}, the same one training held out.
   */
  public static Decision judge(TrainingSet set, TrainedModel trained, ScoringModel champion) {
    HoldoutReport report = trained.report();
    ScorerFigures incumbent;
    String name;
    if (champion == null) {
      incumbent = report.rules();
      name = "rules";
    } else {
      List<TrainingExample> holdout = set.split(ModelTrainer.TRAINING_FRACTION).holdout();
      double[] scores = new double[holdout.size()];
      boolean[] fraud = new boolean[holdout.size()];
      for (int i = 0; i < scores.length; i++) {
        TrainingExample e = holdout.get(i);
        scores[i] = champion.probability(FeatureVector.of(e.features()), e.eventTime());
        fraud[i] = e.fraud();
      }
      incumbent =
          ScorerFigures.of(
              Ranking.of(scores, fraud), report.alertThreshold(), report.targetRecall());
      name = "model " + champion.version();
    }
    ScorerFigures candidate = report.model();
    boolean aucHolds = candidate.rocAuc() >= incumbent.rocAuc();
    boolean precisionHolds =
        candidate.precisionAtThreshold() >= incumbent.precisionAtThreshold() - PRECISION_TOLERANCE;
    String reason =
        String.format(
            Locale.ROOT,
            "ROC AUC %.4f vs %.4f (%s), precision at %.2f %.4f vs %.4f (%s)",
            candidate.rocAuc(),
            incumbent.rocAuc(),
            aucHolds ? "not worse" : "worse",
            report.alertThreshold(),
            candidate.precisionAtThreshold(),
            incumbent.precisionAtThreshold(),
            precisionHolds
                ? "within " + PRECISION_TOLERANCE
                : "worse by more than " + PRECISION_TOLERANCE);
    return new Decision(aucHolds && precisionHolds, name, candidate, incumbent, reason);
  }
}
