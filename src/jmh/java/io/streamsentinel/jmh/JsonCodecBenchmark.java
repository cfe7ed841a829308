package io.streamsentinel.jmh;

import io.streamsentinel.codec.AccountStateCodec;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.domain.AccountState;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import java.time.Instant;
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
 * The JSON on the detector's hot path: decoding (with validation) a transaction, encoding one (the
 * generator), writing the decision every transaction produces, and reading an account status.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCodecBenchmark {

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
  private Workload workload;
  private byte[][] encoded;
  private Decision[] decisions;
  private final byte[] accountState =
      AccountStateCodec.encode(
          new AccountState(
              "user_k3x9a1_000123",
              AccountStatus.STEP_UP_REQUIRED,
              "HIGH alert alert-1",
              Instant.parse("2026-01-01T10:00:00.123Z"),
              Instant.parse("2026-01-01T11:00:00.123Z")));
  private int next;

  @Setup
  public void setUp() {
    workload = new Workload();
    encoded = new byte[Workload.SIZE][];
    decisions = new Decision[Workload.SIZE];
    for (int i = 0; i < Workload.SIZE; i++) {
      encoded[i] = codec.encode(workload.transactions[i]);
      decisions[i] =
          workload
              .detector
              .assess(workload.transactions[i], workload.before[i], Workload.status())
              .decision();
    }
  }

  @Benchmark
  public Transaction decodeTransaction() {
    return codec.decode(encoded[next++ & (Workload.SIZE - 1)]);
  }

  @Benchmark
  public byte[] encodeTransaction() {
    return codec.encode(workload.transactions[next++ & (Workload.SIZE - 1)]);
  }

  /**
   * The account status the detector decodes for every transaction of a user who has one (blocked
   * or stepped-up users): a cold-path codec on databind that runs on the stream thread.
   */
  @Benchmark
  public AccountState decodeAccountState() {
    return AccountStateCodec.decode(accountState);
  }

  @Benchmark
  public byte[] encodeDecision() {
    int i = next++ & (Workload.SIZE - 1);
    return DecisionCodec.encodeDecision(decisions[i], workload.transactions[i]);
  }

  /** What the detector writes for a decision that is an alert: the decision, then the alert. */
  @Benchmark
  public void decisionAndAlert(Blackhole sink) {
    int i = next++ & (Workload.SIZE - 1);
    byte[] decision = DecisionCodec.encodeDecision(decisions[i], workload.transactions[i]);
    sink.consume(decision);
    sink.consume(DecisionCodec.alertOf(decision, decisions[i].transactionId()));
  }
}
