package io.streamsentinel.generator;

import java.time.LocalDate;

/**
 * The day of the month of a local day (days since 1970-01-01), for the worlds whose money arrives
 * on days of the month (savanna, steppe). Events come in time order, so one day's date is asked for
 * many times in a row: it is computed once per day. Not thread-safe, like the spending that owns
 * it.
 */
final class DaysOfMonth {

  private long cachedDay = Long.MIN_VALUE;
  private int cachedDayOfMonth;

  /** The day of the month (1-31) of this local day. */
  int of(long day) {
    if (day != cachedDay) {
      cachedDay = day;
      cachedDayOfMonth = LocalDate.ofEpochDay(day).getDayOfMonth();
    }
    return cachedDayOfMonth;
  }
}
