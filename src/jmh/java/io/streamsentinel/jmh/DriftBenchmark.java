package io.streamsentinel.jmh;

import io.streamsentinel.detection.FeatureExtractor;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.detection.drift.DriftLayout;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.detection.drift.DriftSettings;
import io.streamsentinel.detection.drift.DriftWindow;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What drift measurement adds on the stream thread per decision of a champion model: the model's
 * row filled from the decision's features (as {@code DriftMonitor.Recorder} does) and one bin
 * lookup and increment per judged input and the score. The reference is built from the detector's
 * features on {@value #REFERENCE} generator transactions, so the cuts are the real ones; the
 * decisions are {@value #DECISIONS} further ones, in turn, one wall-clock millisecond apart so the
 * window rotates its buckets as in a detector. {@link #report} is the reader's side (off the stream
 * thread): adding up one window and computing every PSI.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DriftBenchmark {

  /** A power of two, so the benchmark cycles with a mask. */
  static final int DECISIONS = 1024;

  static final int REFERENCE = 20_000;
  static final int HISTORY = 50_000;

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final ModelInputs inputs = ModelInputs.standard();
  private final FeatureVector[] features = new FeatureVector[DECISIONS];
  private final Instant[] times = new Instant[DECISIONS];
  private final double[] scores = new double[DECISIONS];
  private final double[] row = new double[ModelInputs.MAX_SIZE];
  private DriftWindow window;
  private DriftSettings settings;
  private long now;
  private int next;

  @Setup
  public void setUp() {
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(11, 2_000, GeneratorSettings.DEFAULT_FRAUD_RATE, START));
    Map<String, UserProfile> profiles = new HashMap<>();
    Random random = new Random(5);
    List<double[]> rows = new ArrayList<>();
    double[] referenceScores = new double[REFERENCE];
    for (int i = 0; i < HISTORY + REFERENCE + DECISIONS; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      profiles.put(tx.userId(), before.with(tx));
      if (i < HISTORY) {
        continue;
      }
      FeatureVector vector = FeatureExtractor.extract(tx, before, AccountStatus.ACTIVE);
      double score = Math.pow(random.nextDouble(), 8); // most decisions score low
      if (i < HISTORY + REFERENCE) {
        double[] r = new double[inputs.size()];
        inputs.fill(vector, tx.timestamp(), r);
        rows.add(r);
        referenceScores[i - HISTORY] = score;
      } else {
        int k = i - HISTORY - REFERENCE;
        features[k] = vector;
        times[k] = tx.timestamp();
        scores[k] = score;
      }
    }
    DriftReference reference = DriftReference.of(inputs.names(), rows, referenceScores);
    settings = DriftSettings.defaults();
    window = new DriftWindow(DriftLayout.of(inputs.names(), reference), settings);
    now = START.toEpochMilli();
    for (int k = 0; k < DECISIONS; k++) { // above the minimum sample, so report computes PSI
      record();
    }
  }

  /** Per decision on the stream thread. */
  @Benchmark
  public void record() {
    int i = next++ & (DECISIONS - 1);
    inputs.fill(features[i], times[i], row);
    window.record(row, scores[i], now++);
  }

  /** Per read (a scrape, a health check): the window summed and every PSI computed. */
  @Benchmark
  public void report(Blackhole bh) {
    long[] totals = window.newTotals();
    window.addTo(totals, now);
    bh.consume(window.layout().report("v1", totals, settings, START));
  }
}
