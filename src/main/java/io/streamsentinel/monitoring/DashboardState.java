package io.streamsentinel.monitoring;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, folded from the records it tails: counts per stream, per-second rates
 * sampled once a second, the score distribution, the latest alerts and actions, and the riskiest
 * users. One thread records, any thread samples or snapshots; every figure is bounded in memory.
 */
public final class DashboardState {

  /** Score distribution buckets over [0, 1]. */
  public static final int SCORE_BUCKETS = 20;

  /** Seconds of rate history a newly opened page is sent. */
  public static final int SERIES_LENGTH = 120;

  /** Seconds the fraud rate is measured over. */
  public static final int FRAUD_RATE_WINDOW = 60;

  static final int FEED_LENGTH = 25;
  static final int RISKIEST = 10;
  static final int TRACKED_USERS = 20_000;

  private long transactions;
  private long decisions;
  private long alerts;
  private long actions;
  private long unreadable;
  private final long[] scoreCounts = new long[SCORE_BUCKETS];
  private final Deque<DashboardSnapshot.AlertItem> alertFeed = new ArrayDeque<>();
  private final Deque<DashboardSnapshot.ActionItem> actionFeed = new ArrayDeque<>();
  private final Map<String, DashboardSnapshot.UserRisk> users =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DashboardSnapshot.UserRisk> eldest) {
          return size() > TRACKED_USERS; // the users alerted least recently go first
        }
      };

  private final Deque<DashboardSnapshot.RatePoint> series = new ArrayDeque<>();
  private long[] lastTotals;
  private long lastSampleNanos;

  /** A transaction arrived on the input topic. */
  public synchronized void transaction() {
    transactions++;
  }

  /** A decision (every scored transaction) with its score. */
  public synchronized void decision(double score) {
    decisions++;
    scoreCounts[bucket(score)]++;
  }

  /**
   * An alert. Alerts read from before the dashboard started ({@code counted} false) fill the feed
   * and the riskiest users but are not counted in the rates.
   */
  public synchronized void alert(DashboardSnapshot.AlertItem alert, boolean counted) {
    if (counted) {
      alerts++;
    }
    push(alertFeed, alert);
    DashboardSnapshot.UserRisk before = users.get(alert.userId());
    users.put(
        alert.userId(),
        before == null
            ? new DashboardSnapshot.UserRisk(
                alert.userId(), 1, alert.score(), alert.severity(), alert.time(), null)
            : before.with(alert));
  }

  /** An action, counted in the rates or (from before start) only shown. */
  public synchronized void action(DashboardSnapshot.ActionItem action, boolean counted) {
    if (counted) {
      actions++;
    }
    push(actionFeed, action);
    DashboardSnapshot.UserRisk risk = users.get(action.userId());
    if (risk != null) {
      users.put(action.userId(), risk.withAction(action.actionType()));
    }
  }

  /**
   * A record the dashboard could not read (the owning stage dead-letters it; here it is skipped).
   */
  public synchronized void unreadable() {
    unreadable++;
  }

  /**
   * Closes one rate interval: the counts since the previous sample divided by the time elapsed,
   * appended to the series.
   */
  public synchronized void sample(Instant now, long nanos) {
    long[] totals = {transactions, decisions, alerts, actions};
    if (lastTotals != null && nanos > lastSampleNanos) {
      double seconds = (nanos - lastSampleNanos) / 1e9;
      series.addLast(
          new DashboardSnapshot.RatePoint(
              now,
              (totals[0] - lastTotals[0]) / seconds,
              (totals[1] - lastTotals[1]) / seconds,
              (totals[2] - lastTotals[2]) / seconds,
              (totals[3] - lastTotals[3]) / seconds,
              totals[1] - lastTotals[1],
              totals[2] - lastTotals[2]));
      while (series.size() > SERIES_LENGTH) {
        series.removeFirst();
      }
    }
    lastTotals = totals;
    lastSampleNanos = nanos;
  }

  /** Everything the page shows except lag and health, which the caller adds. */
  public synchronized DashboardSnapshot snapshot(
      Instant now, List<PartitionLag> lag, Map<String, Object> health) {
    List<DashboardSnapshot.RatePoint> points = List.copyOf(series);
    return new DashboardSnapshot(
        now,
        points.isEmpty() ? null : points.get(points.size() - 1),
        points,
        new DashboardSnapshot.Totals(transactions, decisions, alerts, actions, unreadable),
        fraudRate(points),
        scoreDistribution(),
        reversed(alertFeed),
        reversed(actionFeed),
        riskiest(),
        lag,
        health);
  }

  /** Alerts per decision over the last {@link #FRAUD_RATE_WINDOW} seconds; null before any. */
  private static Double fraudRate(List<DashboardSnapshot.RatePoint> points) {
    long decided = 0;
    long alerted = 0;
    for (int i = Math.max(0, points.size() - FRAUD_RATE_WINDOW); i < points.size(); i++) {
      decided += points.get(i).decisions();
      alerted += points.get(i).alerts();
    }
    return decided == 0 ? null : (double) alerted / decided;
  }

  private List<DashboardSnapshot.ScoreBucket> scoreDistribution() {
    List<DashboardSnapshot.ScoreBucket> buckets = new ArrayList<>(SCORE_BUCKETS);
    for (int i = 0; i < SCORE_BUCKETS; i++) {
      buckets.add(
          new DashboardSnapshot.ScoreBucket(
              (double) i / SCORE_BUCKETS, (double) (i + 1) / SCORE_BUCKETS, scoreCounts[i]));
    }
    return buckets;
  }

  private List<DashboardSnapshot.UserRisk> riskiest() {
    return users.values().stream()
        .sorted(
            Comparator.comparingDouble(DashboardSnapshot.UserRisk::maxScore)
                .reversed()
                .thenComparing(
                    Comparator.comparingLong(DashboardSnapshot.UserRisk::alerts).reversed())
                .thenComparing(DashboardSnapshot.UserRisk::userId))
        .limit(RISKIEST)
        .toList();
  }

  static int bucket(double score) {
    if (!(score > 0)) {
      return 0; // also NaN: a decision always has a score in [0, 1]
    }
    return Math.min(SCORE_BUCKETS - 1, (int) (score * SCORE_BUCKETS));
  }

  private static <T> void push(Deque<T> feed, T item) {
    feed.addLast(item);
    if (feed.size() > FEED_LENGTH) {
      feed.removeFirst();
    }
  }

  private static <T> List<T> reversed(Deque<T> feed) {
    List<T> newestFirst = new ArrayList<>(feed.size());
    feed.descendingIterator().forEachRemaining(newestFirst::add);
    return newestFirst;
  }
}
