package io.streamsentinel.jmh;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.XgboostModelReader;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureExtractor;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.detection.Scorer;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.TreeEnsemble;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.learning.ModelTrainer;
import io.streamsentinel.learning.NotEnoughLabelsException;
import io.streamsentinel.learning.TrainedModel;
import io.streamsentinel.learning.TrainingExample;
import io.streamsentinel.learning.TrainingSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The learned model on the stream thread (target: {@link #decideWithReasons} ≤ 5 µs per
 * transaction, reason codes and sentences included), next to the rules' own scoring of the same
 * features, so the model's cost can be read as a ratio to the rules in the same run.
 *
 * <p>The setup trains a model with {@link ModelTrainer.Settings#defaults()} (100 trees of depth 5)
 * on {@value #TRAINING_EXAMPLES} examples, reads its JSON back with {@link XgboostModelReader} as
 * the registry's loader does, and prints its size. {@link #data} picks the training set: {@code
 * generator} takes the features the detector computes on the generator's transactions (1 % fraud,
 * labelled by the generator), {@code synthetic} draws feature vectors at realistic scales where a
 * few inputs separate fraud only in part and the rest is noise, so the trees grow to full depth:
 * the larger model, the worst case. Either way the model then decides on the rules' decisions of
 * {@value #DECISIONS} further generator transactions, in turn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ModelScoringBenchmark {

  /** A power of two, so the benchmarks cycle with a mask. */
  static final int DECISIONS = 1024;

  static final int TRAINING_EXAMPLES = 20_000;
  static final int USERS = 2_000;
  static final int HISTORY = 100_000;

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Which training set the model learns from: {@code generator} or {@code synthetic}. */
  @Param({"generator", "synthetic"})
  public String data;

  private Scorer scorer;
  private Set<String> hardReasons;
  private ScoringModel model;
  private TreeEnsemble trees;
  private final Transaction[] transactions = new Transaction[DECISIONS];
  private final FeatureVector[] features = new FeatureVector[DECISIONS];
  private final Decision[] rules = new Decision[DECISIONS];
  private final double[][] rows = new double[DECISIONS][];
  private double[] contributions;
  private int next;

  @Setup
  public void setUp() throws NotEnoughLabelsException {
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    scorer = detector.scorer();
    hardReasons = scorer.ruleSet().hardReasonCodes();
    ModelInputs inputs = ModelInputs.standard();
    List<TrainingExample> examples = new ArrayList<>();
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(11, USERS, GeneratorSettings.DEFAULT_FRAUD_RATE, START));
    Map<String, UserProfile> profiles = new HashMap<>();
    for (int i = 0; i < HISTORY + TRAINING_EXAMPLES + DECISIONS; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      profiles.put(tx.userId(), before.with(tx));
      if (i < HISTORY) {
        continue;
      }
      FeatureVector vector = FeatureExtractor.extract(tx, before, AccountStatus.ACTIVE);
      Decision decision = scorer.score(tx, vector);
      if (i < HISTORY + TRAINING_EXAMPLES) {
        examples.add(
            new TrainingExample(
                tx.transactionId(),
                tx.timestamp(),
                vector.toArray(),
                Boolean.TRUE.equals(tx.isFraud()),
                decision.rulesScore(),
                tx.merchantCategory(),
                tx.channel() == null ? null : tx.channel().wireName()));
      } else {
        int k = i - HISTORY - TRAINING_EXAMPLES;
        transactions[k] = tx;
        features[k] = vector;
        rules[k] = decision;
      }
    }
    if ("synthetic".equals(data)) {
      examples = synthetic(TRAINING_EXAMPLES, 7, 0.02);
    } else if (!"generator".equals(data)) {
      throw new IllegalArgumentException("data: generator or synthetic, not " + data);
    }
    TrainingSet set = new TrainingSet(examples, 0, 0, 0, 0);
    long start = System.nanoTime();
    TrainedModel trained =
        new ModelTrainer(ModelTrainer.Settings.defaults(), Decision.DEFAULT_ALERT_THRESHOLD)
            .train(set, inputs, (done, total) -> {});
    long trainingMillis = (System.nanoTime() - start) / 1_000_000;
    byte[] json = trained.bytes();
    trees = XgboostModelReader.read(json, inputs.size());
    model = new ScoringModel("v1", trees, inputs);
    contributions = new double[inputs.size() + 1];
    int modelReasons = 0;
    for (int k = 0; k < DECISIONS; k++) {
      rows[k] = new double[inputs.size()];
      inputs.fill(features[k], transactions[k].timestamp(), rows[k]);
      for (Reason r : model.decide(rules[k], hardReasons).reasons()) {
        modelReasons += r.fromModel() ? 1 : 0;
      }
    }
    byte[] gzip = gzip(json);
    System.out.printf(
        Locale.ROOT,
        "%nmodel (%s): %,d examples (%,d fraud), trained in %,d ms; %d trees, %,d nodes;"
            + " JSON %,d bytes, gzip %,d bytes, base64 of gzip %,d chars;"
            + " holdout ROC AUC %.3f (rules %.3f), PR-AUC %.3f (rules %.3f);"
            + " %.2f model reasons per decision%n",
        data,
        set.examples().size(),
        set.counts().fraud(),
        trainingMillis,
        trees.treeCount(),
        trees.nodeCount(),
        json.length,
        gzip.length,
        Base64.getEncoder().encodeToString(gzip).length(),
        trained.report().model().rocAuc(),
        trained.report().rules().rocAuc(),
        trained.report().model().prAuc(),
        trained.report().rules().prAuc(),
        (double) modelReasons / DECISIONS);
  }

  /** The trees' margin of one prepared row: the bare model, no explanation, no reasons. */
  @Benchmark
  public void marginOnly(Blackhole bh) {
    bh.consume(trees.margin(rows[next++ & (DECISIONS - 1)]));
  }

  /** The margin with every input's contribution (path attribution). */
  @Benchmark
  public void explain(Blackhole bh) {
    bh.consume(trees.explain(rows[next++ & (DECISIONS - 1)], contributions));
    bh.consume(contributions);
  }

  /**
   * The model's decision as the detector makes it: inputs from the features, explanation, up to 3
   * model reasons with their sentences, and the final decision. The issue's ≤ 5 µs figure.
   */
  @Benchmark
  public void decideWithReasons(Blackhole bh) {
    int i = next++ & (DECISIONS - 1);
    bh.consume(model.decide(rules[i], hardReasons));
  }

  /** The baseline: the rules' scoring of the same features, reasons included. */
  @Benchmark
  public void rulesOnly(Blackhole bh) {
    int i = next++ & (DECISIONS - 1);
    bh.consume(scorer.score(transactions[i], features[i]));
  }

  /**
   * Feature vectors at the scales the detector produces: amounts log-normal, counts small, times
   * and distances skewed. Fraud is larger against the user's day, comes in bursts, often from a new
   * device and far away, but only in part: a share of frauds looks ordinary and a share of ordinary
   * transactions looks like fraud, so the trees have to work for it.
   */
  static List<TrainingExample> synthetic(int size, long seed, double fraudRate) {
    Random random = new Random(seed);
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean fraud = random.nextDouble() < fraudRate;
      boolean looksLikeFraud = fraud ? random.nextDouble() < 0.7 : random.nextDouble() < 0.03;
      double[] f = new double[Feature.COUNT];
      double history = random.nextInt(600);
      double mean = Math.exp(3 + random.nextGaussian() * 0.8);
      double amount =
          round2(mean * Math.exp(random.nextGaussian() * 0.7 + (looksLikeFraud ? 1.2 : 0)));
      double sd = mean * (0.4 + random.nextDouble() * 0.6);
      f[Feature.AMOUNT.ordinal()] = amount;
      f[Feature.AMOUNT_ZSCORE.ordinal()] = history < 2 ? 0 : (amount - mean) / sd;
      f[Feature.AMOUNT_TO_MEAN_RATIO.ordinal()] = history < 1 ? 0 : amount / mean;
      f[Feature.AMOUNT_TO_MAX_RATIO.ordinal()] =
          history < 1 ? 0 : amount / (mean * (2 + random.nextDouble() * 4));
      int burst = looksLikeFraud ? random.nextInt(6) : 0;
      double c1m = 1 + poisson(random, 0.05) + burst;
      double c10m = c1m + poisson(random, 0.3) + burst / 2;
      double c1h = c10m + poisson(random, 0.8);
      double c24h = c1h + poisson(random, 4);
      f[Feature.TX_COUNT_1M.ordinal()] = c1m;
      f[Feature.TX_COUNT_10M.ordinal()] = c10m;
      f[Feature.TX_COUNT_1H.ordinal()] = c1h;
      f[Feature.TX_COUNT_24H.ordinal()] = c24h;
      f[Feature.TX_SUM_1M.ordinal()] = round2(amount * c1m);
      f[Feature.TX_SUM_10M.ordinal()] = round2(amount * c10m * (0.8 + random.nextDouble() * 0.4));
      f[Feature.TX_SUM_1H.ordinal()] = round2(amount * c1h * (0.7 + random.nextDouble() * 0.6));
      f[Feature.TX_SUM_24H.ordinal()] = round2(mean * c24h * (0.5 + random.nextDouble()));
      f[Feature.SMALL_AMOUNT_COUNT_10M.ordinal()] =
          looksLikeFraud && random.nextDouble() < 0.2
              ? 2 + random.nextInt(8)
              : poisson(random, 0.1);
      f[Feature.NEW_MERCHANT_COUNT_1H.ordinal()] =
          poisson(random, looksLikeFraud ? 1.5 : 0.2) + (looksLikeFraud ? burst : 0);
      f[Feature.NEW_DEVICE_COUNT_1H.ordinal()] = poisson(random, looksLikeFraud ? 0.8 : 0.02);
      f[Feature.SECONDS_SINCE_LAST.ordinal()] =
          history < 1 ? 0 : Math.round(-Math.log(1 - random.nextDouble()) * 20_000 / c1h);
      f[Feature.NEW_MERCHANT.ordinal()] = bit(random, looksLikeFraud ? 0.6 : 0.15);
      f[Feature.NEW_CATEGORY.ordinal()] = bit(random, looksLikeFraud ? 0.3 : 0.05);
      f[Feature.NEW_COUNTRY.ordinal()] = bit(random, looksLikeFraud ? 0.25 : 0.02);
      f[Feature.NEW_DEVICE.ordinal()] = bit(random, looksLikeFraud ? 0.5 : 0.03);
      f[Feature.CARD_NOT_PRESENT.ordinal()] = bit(random, looksLikeFraud ? 0.7 : 0.3);
      double distance =
          history < 1 ? 0 : round2(Math.exp(random.nextGaussian() * 2 + (looksLikeFraud ? 5 : 1)));
      f[Feature.DISTANCE_KM.ordinal()] = distance;
      double seconds = Math.max(1, f[Feature.SECONDS_SINCE_LAST.ordinal()]);
      f[Feature.TRAVEL_SPEED_KMH.ordinal()] = history < 1 ? 0 : round2(distance / seconds * 3_600);
      f[Feature.HOUR_PROBABILITY.ordinal()] =
          history < 1 ? 0 : round2(random.nextDouble() * (looksLikeFraud ? 0.05 : 0.15));
      double daily = round2(amount + mean * poisson(random, 1.5));
      f[Feature.DAILY_SPEND.ordinal()] = daily;
      f[Feature.DAILY_SPEND_RATIO.ordinal()] =
          history < 1 ? 0 : round2(daily / (mean * (1 + random.nextDouble() * 2)));
      f[Feature.HISTORY_COUNT.ordinal()] = history;
      double rules =
          Math.min(1, Math.max(0, (looksLikeFraud ? 0.3 : 0) + random.nextDouble() * 0.5));
      long hourShift = looksLikeFraud ? 3_600L * random.nextInt(5) : 0;
      examples.add(
          new TrainingExample(
              "tx-" + i,
              START.plusSeconds(60L * i + hourShift),
              f,
              fraud,
              rules,
              "grocery",
              "online"));
    }
    return examples;
  }

  private static double poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  private static double bit(Random random, double p) {
    return random.nextDouble() < p ? 1 : 0;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
