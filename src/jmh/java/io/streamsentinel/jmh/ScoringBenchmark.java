package io.streamsentinel.jmh;

import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FeatureExtractor;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.FraudDetector;
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

/**
 * Feature extraction and scoring of one transaction against its user's profile (target: ≤ 5 µs),
 * and the detector's whole pure step, which adds the profile update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoringBenchmark {

  private Workload workload;
  private int next;

  @Setup
  public void setUp() {
    workload = new Workload();
  }

  @Benchmark
  public Decision featuresAndScore() {
    int i = next++ & (Workload.SIZE - 1);
    FeatureVector features =
        FeatureExtractor.extract(workload.transactions[i], workload.before[i], Workload.status());
    return workload.detector.scorer().score(workload.transactions[i], features);
  }

  @Benchmark
  public FraudDetector.Assessment assessWithProfileUpdate() {
    int i = next++ & (Workload.SIZE - 1);
    return workload.detector.assess(
        workload.transactions[i], workload.before[i], Workload.status());
  }
}
