package io.streamsentinel.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.XgboostModelReader;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.TreeEnsemble;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.detection.drift.ReferenceBins;
import io.streamsentinel.detection.quality.Ranking;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a gradient-boosted tree model with XGBoost on a point-in-time training set: the earlier
 * part by event time trains it, the later part judges it, the model in plain Java exactly as the
 * detector will evaluate it, next to the rules' own scores on the same decisions.
 *
 * <p>The objective is {@code binary:logistic} without class re-weighting, so the model's output is
 * a probability (calibrated on the training data's fraud rate), and the alert threshold keeps its
 * meaning. The number of rounds is fixed, not chosen on the holdout, so the holdout figures are
 * honest. Training is deterministic for a given set and seed.
 */
public final class ModelTrainer {

  /** Fewer frauds (or legitimate transactions) than this, and training is refused. */
  public static final long MIN_PER_CLASS = 50;

  /** The holdout must hold at least this many of each class to judge a model at all. */
  public static final long MIN_HOLDOUT_PER_CLASS = 5;

  /** The share of examples, earliest first, that train; the rest is the holdout. */
  public static final double TRAINING_FRACTION = 0.8;

  /** The recall of the holdout's at-recall figures. */
  public static final double TARGET_RECALL = 0.8;

  private static final int TOP_INPUTS = 5;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Told after each boosting round. */
  @FunctionalInterface
  public interface Progress {
    void round(int done, int total);
  }

  /**
   * The training parameters.
   *
   * @param rounds boosting rounds (trees)
   * @param maxDepth the depth of each tree
   * @param eta the learning rate
   * @param seed for row and column sampling
   * @param threads native threads; 0 for all cores
   */
  public record Settings(int rounds, int maxDepth, double eta, long seed, int threads) {

    public Settings {
      if (rounds < 1 || maxDepth < 1 || !(eta > 0 && eta <= 1)) {
        throw new IllegalArgumentException(
            "rounds and max depth must be positive and eta in (0, 1], got rounds "
                + rounds
                + ", max depth "
                + maxDepth
                + ", eta "
                + eta);
      }
    }

    /**
     * 100 trees of depth 5 at eta 0.2: on the built-in generator as accurate as 200 trees of depth
     * 6 at eta 0.1 to the third decimal of ROC AUC, at a third of the cost on the stream thread
     * (JMH {@code ModelScoringBenchmark}).
     */
    public static Settings defaults() {
      return new Settings(100, 5, 0.2, 42, 0);
    }

    Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("objective", "binary:logistic");
      p.put("eval_metric", "aucpr");
      p.put("tree_method", "hist");
      p.put("max_depth", maxDepth);
      p.put("eta", eta);
      p.put("subsample", 0.8);
      p.put("colsample_bytree", 0.8);
      p.put("min_child_weight", 1);
      p.put("seed", seed);
      p.put("nthread", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
      p.put("verbosity", 0);
      return p;
    }
  }

  private final Settings settings;
  private final double alertThreshold;

  /**
   * @param alertThreshold the threshold of the holdout's at-threshold figures
   */
  public ModelTrainer(Settings settings, double alertThreshold) {
    this.settings = settings;
    this.alertThreshold = alertThreshold;
  }

  /**
   * Trains on the earliest {@link #TRAINING_FRACTION} of {@code set} and reports on the rest.
   *
   * @throws NotEnoughLabelsException naming the counts when there are too few labels of a class
   */
  public TrainedModel train(TrainingSet set, ModelInputs inputs, Progress progress)
      throws NotEnoughLabelsException {
    ClassCounts all = set.counts();
    if (all.fraud() < MIN_PER_CLASS || all.legit() < MIN_PER_CLASS) {
      throw new NotEnoughLabelsException(
          String.format(
              "too few labels to train: %,d fraud and %,d legitimate labelled decisions; at least"
                  + " %d of each are needed",
              all.fraud(), all.legit(), MIN_PER_CLASS));
    }
    TimeSplit split = set.split(TRAINING_FRACTION);
    ClassCounts holdout = split.holdoutCounts();
    if (holdout.fraud() < MIN_HOLDOUT_PER_CLASS || holdout.legit() < MIN_HOLDOUT_PER_CLASS) {
      throw new NotEnoughLabelsException(
          String.format(
              "too few labels in the holdout (the latest %.0f %% by event time): %,d fraud and %,d"
                  + " legitimate; at least %d of each are needed",
              (1 - TRAINING_FRACTION) * 100,
              holdout.fraud(),
              holdout.legit(),
              MIN_HOLDOUT_PER_CLASS));
    }
    long start = System.nanoTime();
    byte[] bytes = boost(split.training(), inputs, progress);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    TreeEnsemble trees = XgboostModelReader.read(bytes, inputs.size());
    HoldoutReport report = report(trees, inputs, split);
    return new TrainedModel(
        bytes,
        trees,
        inputs,
        report,
        settings.parameters(),
        library(bytes),
        took,
        reference(trees, inputs, split.training()));
  }

  /**
   * The drift reference: each input's and the model's probability's distribution on the rows it was
   * trained on, as the detector will compute them. One column at a time, so a training set of
   * millions of rows needs one more column of memory, not another copy of the set.
   */
  static DriftReference reference(
      TreeEnsemble trees, ModelInputs inputs, List<TrainingExample> training) {
    int n = training.size();
    double[] row = new double[inputs.size()];
    double[] column = new double[n];
    for (int i = 0; i < n; i++) {
      TrainingExample e = training.get(i);
      inputs.fill(e.features(), e.eventTime(), row);
      column[i] = trees.probability(row);
    }
    ReferenceBins score = ReferenceBins.of(column);
    Map<String, ReferenceBins> bins = new LinkedHashMap<>();
    for (int j = 0; j < inputs.size(); j++) {
      Feature feature = inputs.feature(j); // null for the hour of day
      for (int i = 0; i < n; i++) {
        TrainingExample e = training.get(i);
        column[i] = feature == null ? e.hourOfDay() : e.feature(feature.ordinal());
      }
      bins.put(inputs.names().get(j), ReferenceBins.of(column));
    }
    return new DriftReference(n, score, bins);
  }

  private byte[] boost(List<TrainingExample> examples, ModelInputs inputs, Progress progress) {
    int n = examples.size();
    int width = inputs.size();
    float[] data = new float[n * width];
    float[] labels = new float[n];
    double[] row = new double[width];
    for (int i = 0; i < n; i++) {
      TrainingExample e = examples.get(i);
      inputs.fill(e.features(), e.eventTime(), row);
      for (int j = 0; j < width; j++) {
        data[i * width + j] = (float) row[j];
      }
      labels[i] = e.fraud() ? 1 : 0;
    }
    DMatrix matrix = null;
    Booster booster = null;
    try {
      matrix = new DMatrix(data, n, width, Float.NaN);
      matrix.setLabel(labels);
      booster = XGBoost.train(matrix, settings.parameters(), 0, Map.of(), null, null);
      for (int round = 0; round < settings.rounds(); round++) {
        booster.update(matrix, round);
        progress.round(round + 1, settings.rounds());
      }
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  private HoldoutReport report(TreeEnsemble trees, ModelInputs inputs, TimeSplit split) {
    List<TrainingExample> holdout = split.holdout();
    int n = holdout.size();
    double[] model = new double[n];
    double[] rules = new double[n];
    boolean[] fraud = new boolean[n];
    double[] row = new double[inputs.size()];
    double[] contributions = new double[inputs.size() + 1];
    double[] absSum = new double[inputs.size()];
    for (int i = 0; i < n; i++) {
      TrainingExample e = holdout.get(i);
      inputs.fill(e.features(), e.eventTime(), row);
      model[i] = TreeEnsemble.sigmoid(trees.explain(row, contributions));
      for (int j = 0; j < absSum.length; j++) {
        absSum[j] += Math.abs(contributions[j]);
      }
      rules[i] = e.ruleScore();
      fraud[i] = e.fraud();
    }
    List<HoldoutReport.InputWeight> weights = new ArrayList<>();
    for (int j = 0; j < absSum.length; j++) {
      weights.add(new HoldoutReport.InputWeight(inputs.names().get(j), absSum[j] / n));
    }
    weights.sort(
        Comparator.comparingDouble(HoldoutReport.InputWeight::meanAbsContribution).reversed());
    return new HoldoutReport(
        split.trainingCounts(),
        split.holdoutCounts(),
        alertThreshold,
        TARGET_RECALL,
        ScorerFigures.of(Ranking.of(model, fraud), alertThreshold, TARGET_RECALL),
        ScorerFigures.of(Ranking.of(rules, fraud), alertThreshold, TARGET_RECALL),
        weights.subList(0, Math.min(TOP_INPUTS, weights.size())));
  }

  /** The library and version, from the version the model records itself. */
  private static String library(byte[] json) {
    try {
      JsonNode version = MAPPER.readTree(json).path("version");
      if (version.isArray() && version.size() == 3) {
        return "xgboost "
            + version.get(0).asInt()
            + "."
            + version.get(1).asInt()
            + "."
            + version.get(2).asInt();
      }
    } catch (IOException e) {
      // the reader has already parsed these bytes; fall through
    }
    return "xgboost";
  }
}
