package io.streamsentinel.jmh;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
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

/**
 * What one producer batch of the generator's transactions costs in each codec: Kafka's own batch
 * builder (the one its producer fills on the sending thread) opened, filled with {@code records}
 * encoded transactions and closed. Kafka's lz4 writer allocates two 64 KB buffers for each batch it
 * opens, so a batch's cost depends on how few records it gets: run with {@code -prof gc} for the
 * bytes allocated per batch. The batch's bytes per value byte are printed once per codec and size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProducerBatchBenchmark {

  @Param({"lz4", "snappy", "zstd", "gzip", "none"})
  public String codec;

  /** Records per batch: one (a trickle), a few (a 5 ms linger at a modest rate), a full batch. */
  @Param({"1", "4", "400"})
  public int records;

  private final ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
  private Compression compression;
  private byte[][] keys;
  private byte[][] values;
  private int next;

  @Setup
  public void setUp() {
    Workload workload = new Workload();
    TransactionCodec transactions = new TransactionCodec(TransactionLimits.DEFAULTS);
    keys = new byte[Workload.SIZE][];
    values = new byte[Workload.SIZE][];
    long raw = 0;
    for (int i = 0; i < Workload.SIZE; i++) {
      keys[i] = workload.transactions[i].userId().getBytes(StandardCharsets.UTF_8);
      values[i] = transactions.encode(workload.transactions[i]);
      raw += values[i].length;
    }
    compression = Compression.of(codec).build();
    long rawPerBatch = 0;
    int size = 0;
    for (int b = 0; b < 16; b++) {
      int first = next;
      size += batch().sizeInBytes();
      for (int i = first; i < first + records; i++) {
        rawPerBatch += values[i & (Workload.SIZE - 1)].length;
      }
    }
    System.out.printf(
        "%n%s, %d a batch: %d bytes a transaction on average; batch bytes / value bytes %.2f%n",
        codec, records, raw / Workload.SIZE, size / (double) rawPerBatch);
  }

  @Benchmark
  public MemoryRecords batch() {
    buffer.clear();
    MemoryRecordsBuilder builder =
        MemoryRecords.builder(buffer, compression, TimestampType.CREATE_TIME, 0L);
    for (int i = 0; i < records; i++) {
      int x = next++ & (Workload.SIZE - 1);
      builder.append(1_000L + i, keys[x], values[x]);
    }
    return builder.build();
  }
}
