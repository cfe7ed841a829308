package io.streamsentinel.bench;

/**
 * What bounds the generator's send rate, worked out from {@code bench produce}'s own measurements
 * of the same invocation: the raw producer (sending records made beforehand) and the generator's
 * making of records alone (simulating and encoding, no Kafka).
 *
 * <ul>
 *   <li>{@link #oneThread()}: a loop that makes every record and then sends it cannot be faster
 *       than one that only sends, plus the time the making takes: {@code 1 / (1/raw + 1/make)}. The
 *       generator sends from one thread like that.
 *   <li>{@link #allCores()}: whatever the threads, every record costs the CPU the raw producer's
 *       whole JVM spends per record (its sending thread, its network thread, the embedded broker,
 *       the GC) plus the CPU of making it; the machine's cores give no more than {@code cores /
 *       (cpuRaw + cpuMake)} records a second. This bound holds for a generator that makes records
 *       on other threads, too.
 * </ul>
 *
 * @param raw the raw producer's records per second
 * @param oneThread the bound for one thread that makes and sends, records per second
 * @param allCores the bound from CPU per record and the machine's cores, records per second (NaN
 *     where the JVM does not measure its CPU time)
 * @param rawCores the cores the raw producer's JVM used on average (NaN likewise)
 */
public record ProduceCeiling(double raw, double oneThread, double allCores, double rawCores) {

  /**
   * @param raw the raw producer's rate, records per second
   * @param rawCpuMicros the raw producer's whole-JVM CPU per record, µs
   * @param make the rate of making records alone (simulate and encode), records per second
   * @param makeCpuMicros the CPU per record of making them, µs
   * @param cores the machine's cores
   */
  public static ProduceCeiling of(
      double raw, double rawCpuMicros, double make, double makeCpuMicros, int cores) {
    if (!(raw > 0) || !(make > 0) || cores < 1) {
      throw new IllegalArgumentException(
          "rates must be above 0 and cores at least 1: raw "
              + raw
              + ", make "
              + make
              + ", cores "
              + cores);
    }
    double oneThread = 1 / (1 / raw + 1 / make);
    double allCores = cores * 1e6 / (rawCpuMicros + makeCpuMicros);
    return new ProduceCeiling(raw, oneThread, allCores, rawCpuMicros * raw / 1e6);
  }

  public double oneThreadRatio() {
    return oneThread / raw;
  }

  public double allCoresRatio() {
    return allCores / raw;
  }
}
