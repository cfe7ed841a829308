package io.streamsentinel.bench;

import io.streamsentinel.domain.Transaction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tallies the distinct merchants of each user over the transactions it is shown: how full the
 * users' profiles get. Not thread-safe; read {@link #summary} once the stream has ended.
 */
public final class MerchantsPerUser implements Consumer<Transaction> {

  private final Map<String, Set<String>> merchants = new HashMap<>();

  @Override
  public void accept(Transaction tx) {
    merchants.computeIfAbsent(tx.userId(), k -> new HashSet<>()).add(tx.merchant());
  }

  /**
   * Distinct merchants per user, quantiles by nearest rank.
   *
   * @param users users seen
   * @param overCapacity users with more distinct merchants than a profile remembers
   * @param capacity merchants a profile remembers
   */
  public record Summary(int users, int median, int p90, int max, int overCapacity, int capacity) {

    /** One line for the terminal. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "Distinct merchants per user: median %d, p90 %d, max %d over %,d users; a profile"
              + " remembers %d: %.1f %% of users have more",
          median,
          p90,
          max,
          users,
          capacity,
          users == 0 ? 0.0 : 100.0 * overCapacity / users);
    }
  }

  /**
   * @param capacity merchants a profile remembers
   */
  public Summary summary(int capacity) {
    int[] counts = merchants.values().stream().mapToInt(Set::size).sorted().toArray();
    int over = (int) Arrays.stream(counts).filter(c -> c > capacity).count();
    return new Summary(
        counts.length,
        nearestRank(counts, 0.5),
        nearestRank(counts, 0.9),
        counts.length == 0 ? 0 : counts[counts.length - 1],
        over,
        capacity);
  }

  private static int nearestRank(int[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
