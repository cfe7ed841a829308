package io.streamsentinel.jmh;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.domain.Transaction;
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
 * The JSON on the detector's hot path: decoding (with validation) a transaction, encoding one (the
 * generator), and writing the decision every transaction produces.
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

  @Benchmark
  public byte[] encodeDecision() {
    int i = next++ & (Workload.SIZE - 1);
    return DecisionCodec.encodeDecision(decisions[i], workload.transactions[i]);
  }
}
