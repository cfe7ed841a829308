package io.streamsentinel.detection;

/**
 * A user's spending on the current (UTC, event-time) day and on the earlier days they were active.
 * The day rolls over when an event of a later date arrives; an event of an earlier date than the
 * current day is late and left out (the profile still counts it in its lifetime statistics).
 *
 * @param epochDay the current day (days since 1970-01-01); meaningless while {@code count} is 0
 * @param count transactions on the current day
 * @param sumCents their total in cents
 * @param pastDays earlier days with at least one transaction
 * @param pastSumCents total spent on those days, in cents
 */
public record DailySpend(long epochDay, int count, long sumCents, int pastDays, long pastSumCents) {

  /** Nothing spent yet. */
  public static final DailySpend EMPTY = new DailySpend(0, 0, 0, 0, 0);

  public DailySpend {
    if (count < 0 || sumCents < 0 || pastDays < 0 || pastSumCents < 0) {
      throw new IllegalArgumentException("negative daily spend figures: " + count + " " + sumCents);
    }
  }

  /** These figures with one more transaction on the given day. */
  public DailySpend plus(long day, long amountCents) {
    if (count == 0) {
      return new DailySpend(day, 1, amountCents, pastDays, pastSumCents);
    }
    if (day == epochDay) {
      return new DailySpend(day, count + 1, sumCents + amountCents, pastDays, pastSumCents);
    }
    if (day > epochDay) {
      return new DailySpend(day, 1, amountCents, pastDays + 1, pastSumCents + sumCents);
    }
    return this;
  }

  /**
   * What the user will have spent on {@code day}, in cents, once a transaction of {@code
   * amountCents} on that day is added. On a new day, and on an earlier day whose total was not
   * kept, that is the amount alone.
   */
  public long spentWith(long day, long amountCents) {
    return count > 0 && day == epochDay ? sumCents + amountCents : amountCents;
  }

  /**
   * Mean spend in cents of the active days completed before {@code day}, or 0 when there is none:
   * the current day counts once {@code day} is later, since it is then over.
   */
  public double typicalDayCentsBefore(long day) {
    boolean currentIsOver = count > 0 && day > epochDay;
    long days = pastDays + (currentIsOver ? 1 : 0);
    long cents = pastSumCents + (currentIsOver ? sumCents : 0);
    return days == 0 ? 0.0 : (double) cents / days;
  }
}
