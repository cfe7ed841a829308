package io.streamsentinel.jmh;

import io.streamsentinel.bench.SimulatedHistory;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.domain.Transaction;
import java.util.concurrent.TimeUnit;
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
 * The detector's whole per-record step without Kafka, the calls {@code DetectionProcessor} makes in
 * their order: decode the transaction, decode the stored profile, assess, encode the new profile,
 * encode the decision and, for the ~1 % of alerts, the alert. The stores, dedup and forwarding are
 * left out; so the one figure is our own code's time and allocation per record. With {@code
 * scoring=rules} the rules score alone; with {@code scoring=model} a champion model is in force as
 * well, trained as {@code bench detect} trains its own (default settings, 60,000 simulated
 * decisions).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Ten warm-up seconds: with the model, after the setup's training, one run took 11.5-64.2 µs per
// record in warm-up iterations 2 to 9, then 13.4-14.4 µs; with five, two runs measured ± 16,062 and
// ± 34,396 ns.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProcessorPathBenchmark {

  /** {@code rules} or {@code model}. */
  @Param({"rules", "model"})
  public String scoring;

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private final UserProfileCodec.Encoder profileEncoder = new UserProfileCodec.Encoder();
  private Workload workload;
  private byte[][] records;
  private byte[][] storedProfiles;
  private ScoringModel model;
  private int next;

  @Setup
  public void setUp() {
    workload = new Workload();
    if ("model".equals(scoring)) {
      model = SimulatedHistory.model(7, Workload.USERS, 60_000);
    } else if (!"rules".equals(scoring)) {
      throw new IllegalArgumentException("scoring: rules or model, not " + scoring);
    }
    records = new byte[Workload.SIZE][];
    storedProfiles = new byte[Workload.SIZE][];
    for (int i = 0; i < Workload.SIZE; i++) {
      records[i] = codec.encode(workload.transactions[i]);
      storedProfiles[i] = UserProfileCodec.encode(workload.before[i]);
    }
  }

  @Benchmark
  public void perRecord(Blackhole sink) {
    int i = next++ & (Workload.SIZE - 1);
    Transaction tx = codec.decode(records[i]);
    FraudDetector.Assessment result =
        workload.detector.assess(
            tx, UserProfileCodec.decode(storedProfiles[i]), Workload.status(), model);
    sink.consume(profileEncoder.encode(result.profile()));
    Decision decision = result.decision();
    byte[] decided = DecisionCodec.encodeDecision(decision, tx);
    sink.consume(decided);
    if (decision.isAlert(Decision.DEFAULT_ALERT_THRESHOLD)) { // as the detector writes an alert
      sink.consume(DecisionCodec.alertOf(decided, decision.transactionId()));
    }
  }
}
