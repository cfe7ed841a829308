package io.streamsentinel.jmh;

import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.detection.UserProfile;
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
 * The profile update as the detector does it per transaction: read the stored bytes, fold the
 * transaction in, write the bytes back (with the reused {@link UserProfileCodec.Encoder} the
 * detector's processor holds); and each of those steps alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileUpdateBenchmark {

  private final UserProfileCodec.Encoder encoder = new UserProfileCodec.Encoder();
  private Workload workload;
  private byte[][] stored;
  private int next;

  @Setup
  public void setUp() {
    workload = new Workload();
    stored = new byte[Workload.SIZE][];
    for (int i = 0; i < Workload.SIZE; i++) {
      stored[i] = UserProfileCodec.encode(workload.before[i]);
    }
  }

  @Benchmark
  public byte[] decodeUpdateEncode() {
    int i = next++ & (Workload.SIZE - 1);
    return encoder.encode(UserProfileCodec.decode(stored[i]).with(workload.transactions[i]));
  }

  @Benchmark
  public UserProfile update() {
    int i = next++ & (Workload.SIZE - 1);
    return workload.before[i].with(workload.transactions[i]);
  }

  @Benchmark
  public UserProfile decode() {
    return UserProfileCodec.decode(stored[next++ & (Workload.SIZE - 1)]);
  }

  @Benchmark
  public byte[] encode() {
    return encoder.encode(workload.before[next++ & (Workload.SIZE - 1)]);
  }
}
