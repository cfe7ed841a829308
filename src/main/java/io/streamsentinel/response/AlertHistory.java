package io.streamsentinel.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's recent alert times, oldest first, bounded to the {@link #CAPACITY} most recent so a
 * user under attack cannot grow it without limit. Immutable: {@link #with} returns a new history.
 *
 * <p>Known limitation: two alerts of the user at the same instant are two entries, and adding the
 * same alert twice counts it twice, so whoever stores the history must add each alert once (in the
 * same transaction as its actions).
 *
 * @param times the alert times; never null. Sorted, and only the most recent {@link #CAPACITY}
 *     kept.
 */
public record AlertHistory(List<Instant> times) {

  /** More than any sensible repeat-offender threshold needs. */
  public static final int CAPACITY = 32;

  private static final AlertHistory EMPTY = new AlertHistory(List.of());

  public AlertHistory {
    List<Instant> sorted = new ArrayList<>(times);
    sorted.sort(null);
    times = List.copyOf(sorted.subList(Math.max(0, sorted.size() - CAPACITY), sorted.size()));
  }

  /** A user with no alerts. */
  public static AlertHistory empty() {
    return EMPTY;
  }

  /** This history plus one alert at {@code time}, dropping the oldest beyond the capacity. */
  public AlertHistory with(Instant time) {
    List<Instant> more = new ArrayList<>(times.size() + 1);
    more.addAll(times);
    more.add(time);
    return new AlertHistory(more);
  }

  /**
   * The alerts in the window that ends at {@code now}: after {@code now - window}, up to and
   * including {@code now}. An alert exactly {@code window} old has left it.
   */
  public int countWithin(Duration window, Instant now) {
    Instant start = now.minus(window);
    int count = 0;
    for (Instant time : times) {
      if (time.isAfter(start) && !time.isAfter(now)) {
        count++;
      }
    }
    return count;
  }
}
