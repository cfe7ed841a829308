package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

  private static final long WINDOW = 1_000;

  @Test
  void anIdCountsWithinTheWindowEitherSide() {
    RecentIds ids = RecentIds.empty().plus(RecentIds.hash("t1"), 10_000, WINDOW);

    assertThat(ids.contains(RecentIds.hash("t1"), 10_000, WINDOW)).isTrue();
    assertThat(ids.contains(RecentIds.hash("t1"), 11_000, WINDOW)).isTrue();
    assertThat(ids.contains(RecentIds.hash("t1"), 9_000, WINDOW)).isTrue();
    assertThat(ids.contains(RecentIds.hash("t1"), 11_001, WINDOW)).isFalse();
    assertThat(ids.contains(RecentIds.hash("t2"), 10_000, WINDOW)).isFalse();
  }

  @Test
  void idsOlderThanTheWindowAreLetGo() {
    RecentIds ids =
        RecentIds.empty()
            .plus(RecentIds.hash("old"), 0, WINDOW)
            .plus(RecentIds.hash("mid"), 900, WINDOW)
            .plus(RecentIds.hash("new"), 1_500, WINDOW);

    assertThat(ids.size()).isEqualTo(2);
    assertThat(ids.hashAt(0)).isEqualTo(RecentIds.hash("mid"));
  }

  @Test
  void aFullListLetsTheOldestGo() {
    RecentIds ids = RecentIds.empty();
    for (int i = 0; i <= RecentIds.CAPACITY; i++) {
      ids = ids.plus(RecentIds.hash("t" + i), i, Long.MAX_VALUE / 4);
    }

    assertThat(ids.size()).isEqualTo(RecentIds.CAPACITY);
    assertThat(ids.contains(RecentIds.hash("t0"), 0, WINDOW)).isFalse();
    assertThat(ids.contains(RecentIds.hash("t1"), 1, WINDOW)).isTrue();
    assertThat(ids.contains(RecentIds.hash("t" + RecentIds.CAPACITY), 64, WINDOW)).isTrue();
  }

  @Test
  void restoreKeepsTheNewestAndRefusesUnevenArrays() {
    long[] hashes = new long[RecentIds.CAPACITY + 3];
    long[] times = new long[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = i;
      times[i] = i;
    }
    RecentIds ids = RecentIds.restore(hashes, times);
    assertThat(ids.size()).isEqualTo(RecentIds.CAPACITY);
    assertThat(ids.hashAt(0)).isEqualTo(3);
    assertThatThrownBy(() -> RecentIds.restore(new long[1], new long[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashTellsIdsApart() {
    assertThat(RecentIds.hash("tx-1")).isNotEqualTo(RecentIds.hash("tx-2"));
    assertThat(RecentIds.hash("ab")).isNotEqualTo(RecentIds.hash("ba"));
    assertThat(RecentIds.hash("tx-1")).isEqualTo(RecentIds.hash("tx-1"));
  }
}
