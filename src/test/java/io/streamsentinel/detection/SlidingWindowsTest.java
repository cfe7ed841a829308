package io.streamsentinel.detection;

import static io.streamsentinel.detection.Moments.MONDAY_NOON;
import static io.streamsentinel.detection.Moments.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SlidingWindowsTest {

  private static final long T0 = millis(MONDAY_NOON);
  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  @ParameterizedTest
  @EnumSource(VelocityWindow.class)
  void shouldStillCountAnEventOneMillisecondShortOfTheWindowLength(VelocityWindow window) {
    SlidingWindows windows = SlidingWindows.empty().plus(T0, 100, 0);
    long justInside = T0 + window.length().toMillis() - 1;

    assertThat(windows.countWith(window, justInside)).isEqualTo(2);
    assertThat(windows.sumWith(window, justInside, 50)).isEqualTo(150);
    SlidingWindows after = windows.plus(justInside, 50, 0);
    assertThat(after.countWith(window, justInside)).as("both, plus one more").isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(VelocityWindow.class)
  void shouldDropAnEventExactlyTheWindowLengthOld(VelocityWindow window) {
    SlidingWindows windows = SlidingWindows.empty().plus(T0, 100, 0);
    long exactlyOut = T0 + window.length().toMillis();

    assertThat(windows.countWith(window, exactlyOut)).isEqualTo(1);
    assertThat(windows.sumWith(window, exactlyOut, 50)).isEqualTo(50);
    SlidingWindows after = windows.plus(exactlyOut, 50, 0);
    assertThat(after.countWith(window, exactlyOut)).as("the newer one, plus one more").isEqualTo(2);
  }

  @Test
  void shouldReportEachWindowAsOfTheNewestEventIncludingALateOne() {
    SlidingWindows windows =
        SlidingWindows.empty()
            .plus(T0, 1_000, SlidingWindows.NEW_DEVICE)
            .plus(T0 + 2 * HOUR, 200, SlidingWindows.SMALL_AMOUNT)
            .plus(T0 + 2 * HOUR + 55 * MINUTE, 4_000, SlidingWindows.NEW_MERCHANT)
            .plus(T0 + 2 * HOUR + 50 * MINUTE, 300, SlidingWindows.SMALL_AMOUNT); // late

    assertThat(windows.count(VelocityWindow.ONE_MINUTE)).isEqualTo(1);
    assertThat(windows.count(VelocityWindow.TEN_MINUTES)).isEqualTo(2);
    assertThat(windows.count(VelocityWindow.ONE_HOUR)).isEqualTo(3);
    assertThat(windows.count(VelocityWindow.ONE_DAY)).isEqualTo(4);
    assertThat(windows.sum(VelocityWindow.TEN_MINUTES)).isEqualTo(4_300);
    assertThat(windows.sum(VelocityWindow.ONE_DAY)).isEqualTo(5_500);
    assertThat(windows.marked(VelocityWindow.ONE_HOUR, SlidingWindows.SMALL_AMOUNT)).isEqualTo(2);
    assertThat(windows.marked(VelocityWindow.ONE_HOUR, SlidingWindows.NEW_DEVICE)).isZero();
    assertThat(windows.marked(VelocityWindow.ONE_DAY, SlidingWindows.NEW_DEVICE)).isEqualTo(1);
  }

  @Test
  void shouldReportEmptyWindowsWithoutEvents() {
    assertThat(SlidingWindows.empty().count(VelocityWindow.ONE_DAY)).isZero();
    assertThat(SlidingWindows.empty().sum(VelocityWindow.ONE_DAY)).isZero();
    assertThat(SlidingWindows.empty().marked(VelocityWindow.ONE_DAY, SlidingWindows.NEW_DEVICE))
        .isZero();
  }

  @Test
  void shouldCountEachWindowSeparately() {
    SlidingWindows windows =
        SlidingWindows.empty()
            .plus(T0, 1_000, 0)
            .plus(T0 + 2 * HOUR, 2_000, 0)
            .plus(T0 + 2 * HOUR + 30 * MINUTE, 3_000, 0)
            .plus(T0 + 2 * HOUR + 55 * MINUTE, 4_000, 0);
    long now = T0 + 2 * HOUR + 55 * MINUTE + 30 * SECOND;

    assertThat(windows.countWith(VelocityWindow.ONE_MINUTE, now)).isEqualTo(2);
    assertThat(windows.countWith(VelocityWindow.TEN_MINUTES, now)).isEqualTo(2);
    assertThat(windows.countWith(VelocityWindow.ONE_HOUR, now)).isEqualTo(4);
    assertThat(windows.countWith(VelocityWindow.ONE_DAY, now)).isEqualTo(5);
    assertThat(windows.sumWith(VelocityWindow.ONE_HOUR, now, 500)).isEqualTo(9_500);
    assertThat(windows.sumWith(VelocityWindow.ONE_DAY, now, 500)).isEqualTo(10_500);
  }

  @Test
  void shouldCountMarkedEventsPerWindow() {
    SlidingWindows windows =
        SlidingWindows.empty()
            .plus(T0, 100, SlidingWindows.SMALL_AMOUNT)
            .plus(T0 + 5 * MINUTE, 100, SlidingWindows.SMALL_AMOUNT | SlidingWindows.NEW_MERCHANT)
            .plus(T0 + 9 * MINUTE, 9_000, SlidingWindows.NEW_MERCHANT);
    long now = T0 + 11 * MINUTE;

    assertThat(
            windows.markedWith(
                VelocityWindow.TEN_MINUTES,
                SlidingWindows.SMALL_AMOUNT,
                now,
                SlidingWindows.SMALL_AMOUNT))
        .isEqualTo(2);
    assertThat(windows.markedWith(VelocityWindow.TEN_MINUTES, SlidingWindows.SMALL_AMOUNT, now, 0))
        .isEqualTo(1);
    assertThat(windows.markedWith(VelocityWindow.ONE_HOUR, SlidingWindows.NEW_MERCHANT, now, 0))
        .isEqualTo(2);
  }

  @Test
  void shouldCountALateEventInTheWindowsThatStillCoverItRelativeToTheNewest() {
    SlidingWindows windows = SlidingWindows.empty().plus(T0 + HOUR, 100, 0);

    SlidingWindows withLate = windows.plus(T0 + HOUR - 5 * MINUTE, 200, 0);

    long newest = T0 + HOUR;
    assertThat(withLate.size()).isEqualTo(2);
    assertThat(withLate.newest()).isEqualTo(newest);
    assertThat(withLate.countWith(VelocityWindow.ONE_MINUTE, newest)).isEqualTo(2);
    assertThat(windows.countWith(VelocityWindow.ONE_MINUTE, T0 + HOUR - 5 * MINUTE)).isEqualTo(1);
    assertThat(windows.countWith(VelocityWindow.TEN_MINUTES, T0 + HOUR - 5 * MINUTE)).isEqualTo(2);
    assertThat(withLate.time(0)).isEqualTo(T0 + HOUR - 5 * MINUTE);
  }

  @Test
  void shouldIgnoreAnEventOlderThanTheHorizonBeforeTheNewest() {
    // Not an island far ahead: the older kept entry lies within a horizon of the late event.
    SlidingWindows windows =
        SlidingWindows.empty().plus(T0 + 23 * HOUR, 100, 0).plus(T0 + 25 * HOUR, 100, 0);

    assertThat(windows.plus(T0, 200, 0)).isSameAs(windows);
    assertThat(windows.countWith(VelocityWindow.ONE_DAY, T0)).isEqualTo(1);
  }

  @Test
  void shouldKeepTheNewestEntriesWhenMoreThanTheCapacityFallInTheHorizon() {
    SlidingWindows windows = SlidingWindows.empty();
    int events = SlidingWindows.CAPACITY + 10;
    for (int i = 0; i < events; i++) {
      windows = windows.plus(T0 + i * 100L, i, 0);
    }
    long last = T0 + (events - 1) * 100L;

    assertThat(windows.size()).isEqualTo(SlidingWindows.CAPACITY);
    assertThat(windows.time(0)).isEqualTo(T0 + 10 * 100L);
    SlidingWindows same = windows.plus(last, 0, 0); // adds one more, drops one more
    assertThat(same.countWith(VelocityWindow.ONE_MINUTE, last))
        .isEqualTo(SlidingWindows.CAPACITY + 1);
    long keptSum = 0;
    for (int i = 11; i < events; i++) {
      keptSum += i;
    }
    assertThat(same.sumWith(VelocityWindow.ONE_DAY, last, 0)).isEqualTo(keptSum);
  }

  @Test
  void shouldIgnoreALateEventOlderThanEverythingKeptWhenFull() {
    SlidingWindows windows = SlidingWindows.empty();
    for (int i = 0; i < SlidingWindows.CAPACITY; i++) {
      windows = windows.plus(T0 + i * SECOND, 1, 0);
    }

    assertThat(windows.plus(T0 - SECOND, 1, 0)).isSameAs(windows);
  }

  @Test
  void shouldAgreeWithABruteForceModelOnARandomStreamWithLateEvents() {
    Random random = new Random(42);
    SlidingWindows windows = SlidingWindows.empty();
    List<long[]> model = new ArrayList<>();
    long clock = T0;
    for (int i = 0; i < 3_000; i++) {
      clock += (long) (random.nextDouble() * random.nextDouble() * 2 * HOUR);
      long time = random.nextInt(10) == 0 ? clock - random.nextInt((int) (26 * HOUR)) : clock;
      long cents = 1 + random.nextInt(10_000);
      int marks = random.nextInt(4);
      for (VelocityWindow window : VelocityWindow.values()) {
        long[] expected = BruteForce.totals(model, window, time, cents, marks);
        assertThat(windows.countWith(window, time))
            .as("count %s #%d", window, i)
            .isEqualTo(expected[0]);
        assertThat(windows.sumWith(window, time, cents))
            .as("sum %s #%d", window, i)
            .isEqualTo(expected[1]);
        assertThat(windows.markedWith(window, SlidingWindows.SMALL_AMOUNT, time, marks))
            .isEqualTo(expected[2]);
        assertThat(windows.markedWith(window, SlidingWindows.NEW_MERCHANT, time, marks))
            .isEqualTo(expected[3]);
      }
      windows = windows.plus(time, cents, marks);
      BruteForce.add(model, time, cents, marks);
      assertThat(restoredCopy(windows)).isEqualTo(windows);
    }
  }

  @Test
  void shouldReadCorrectlyDatedEventsAtTheirOwnTimeAfterAFutureDatedOne() {
    // Five a minute apart, one dated 12 h ahead, then five more a minute apart.
    SlidingWindows windows = SlidingWindows.empty();
    for (int i = 0; i < 5; i++) {
      windows = windows.plus(T0 + i * MINUTE, 100, 0);
    }
    windows = windows.plus(T0 + 12 * HOUR, 999, 0);
    for (int i = 5; i < 10; i++) {
      long now = T0 + i * MINUTE;
      // As if the future entry were not there: every earlier one a minute apart, and this one.
      assertThat(windows.countWith(VelocityWindow.TEN_MINUTES, now)).isEqualTo(i + 1);
      assertThat(windows.countWith(VelocityWindow.ONE_MINUTE, now)).isEqualTo(1);
      assertThat(windows.sumWith(VelocityWindow.ONE_HOUR, now, 100)).isEqualTo((i + 1) * 100L);
      windows = windows.plus(now, 100, 0);
    }
    assertThat(windows.size()).isEqualTo(11);
  }

  @Test
  void shouldStartAgainAfterAnEventDatedFarAheadInsteadOfStayingBlind() {
    // Five a minute apart, one dated 300 days ahead, then five more a minute apart.
    SlidingWindows windows = SlidingWindows.empty();
    for (int i = 0; i < 5; i++) {
      windows = windows.plus(T0 + i * MINUTE, 100, 0);
    }
    windows = windows.plus(T0 + 300 * 24 * HOUR, 999, 0);
    for (int i = 5; i < 10; i++) {
      windows = windows.plus(T0 + i * MINUTE, 100, 0);
    }
    long now = T0 + 10 * MINUTE;

    // The five after the island are counted again; before, none of them was kept.
    assertThat(windows.countWith(VelocityWindow.TEN_MINUTES, now)).isEqualTo(6);
    assertThat(windows.sumWith(VelocityWindow.ONE_HOUR, now, 100)).isEqualTo(600L);
    assertThat(windows.newest()).isEqualTo(T0 + 9 * MINUTE);
  }

  @Test
  void shouldRestoreToTheSameTotals() {
    SlidingWindows windows =
        SlidingWindows.empty()
            .plus(T0, 100, SlidingWindows.SMALL_AMOUNT)
            .plus(T0 + 30 * MINUTE, 200, 0)
            .plus(T0 + 30 * MINUTE + 20 * SECOND, 300, SlidingWindows.NEW_MERCHANT);
    SlidingWindows restored = restoredCopy(windows);
    long now = T0 + 31 * MINUTE;

    for (VelocityWindow window : VelocityWindow.values()) {
      assertThat(restored.countWith(window, now)).isEqualTo(windows.countWith(window, now));
      assertThat(restored.sumWith(window, now, 7)).isEqualTo(windows.sumWith(window, now, 7));
    }
    assertThat(restored.plus(now, 5, 0)).isEqualTo(windows.plus(now, 5, 0));
  }

  private static SlidingWindows restoredCopy(SlidingWindows windows) {
    long[] times = new long[windows.size()];
    long[] cents = new long[windows.size()];
    byte[] marks = new byte[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      times[i] = windows.time(i);
      cents[i] = windows.cents(i);
      marks[i] = (byte) windows.marks(i);
    }
    return SlidingWindows.restore(times, cents, marks);
  }

  /** The documented policy, written the slow and obvious way (low density: the cap never bites). */
  private static final class BruteForce {

    static long newest(List<long[]> model) {
      long newest = Long.MIN_VALUE;
      for (long[] entry : model) {
        newest = Math.max(newest, entry[0]);
      }
      return newest;
    }

    static long[] totals(
        List<long[]> model, VelocityWindow window, long time, long cents, int marks) {
      boolean ownTime =
          !model.isEmpty() && newest(model) - time > SlidingWindows.OWN_TIME_BEYOND_MS;
      long ref = model.isEmpty() || ownTime ? time : Math.max(newest(model), time);
      long[] totals = new long[4];
      List<long[]> all = new ArrayList<>(model);
      all.add(new long[] {time, cents, marks});
      boolean kept = model.isEmpty() || time > ref - VelocityWindow.HORIZON.length().toMillis();
      for (int i = 0; i < all.size(); i++) {
        long[] entry = all.get(i);
        boolean isNew = i == all.size() - 1;
        if ((isNew && !kept && !ownTime)
            || !(entry[0] > ref - window.length().toMillis() && entry[0] <= ref)) {
          continue;
        }
        totals[0]++;
        totals[1] += entry[1];
        totals[2] += (entry[2] & SlidingWindows.SMALL_AMOUNT) != 0 ? 1 : 0;
        totals[3] += (entry[2] & SlidingWindows.NEW_MERCHANT) != 0 ? 1 : 0;
      }
      return totals;
    }

    static void add(List<long[]> model, long time, long cents, int marks) {
      long ref = model.isEmpty() ? time : Math.max(newest(model), time);
      if (!model.isEmpty() && time <= ref - VelocityWindow.HORIZON.length().toMillis()) {
        return;
      }
      model.add(new long[] {time, cents, marks});
      model.removeIf(entry -> entry[0] <= ref - VelocityWindow.HORIZON.length().toMillis());
    }
  }
}
