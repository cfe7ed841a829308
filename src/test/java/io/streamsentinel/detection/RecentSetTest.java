package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentSetTest {

  @Test
  void shouldMoveARepeatedValueToTheFront() {
    RecentSet set = RecentSet.empty(3).plus("a").plus("b").plus("a");

    assertThat(set.values()).containsExactly("a", "b");
  }

  @Test
  void shouldForgetTheLeastRecentValueBeyondItsCapacity() {
    RecentSet set = RecentSet.empty(2).plus("a").plus("b").plus("c");

    assertThat(set.values()).containsExactly("c", "b");
    assertThat(set.contains("a")).isFalse();
  }

  @Test
  void shouldReturnItselfWhenTheValueIsAlreadyTheMostRecentOrNull() {
    RecentSet set = RecentSet.empty(2).plus("a");

    assertThat(set.plus("a")).isSameAs(set);
    assertThat(set.plus(null)).isSameAs(set);
    assertThat(set.contains(null)).isFalse();
  }

  @Test
  void shouldRejectDuplicatesAndOverfullInput() {
    assertThatThrownBy(() -> RecentSet.of(3, List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecentSet.of(1, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAnswerAsAPlainListDoesAlsoForValuesOfEqualHashCode() {
    // "Aa" and "BB" share a hash code, as do "AaAa", "AaBB", "BBAa" and "BBBB"
    List<String> pool =
        List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "x", "y", "z", "Corner Bakery #3");
    Random random = new Random(11);
    for (int capacity = 1; capacity <= 6; capacity++) {
      RecentSet set = RecentSet.empty(capacity);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String value = pool.get(random.nextInt(pool.size()));
        set = set.plus(value);
        expected.remove(value);
        expected.add(0, value);
        if (expected.size() > capacity) {
          expected.remove(capacity);
        }
        assertThat(set.values()).isEqualTo(expected);
        for (String v : pool) {
          assertThat(set.contains(v)).as("%s in %s", v, expected).isEqualTo(expected.contains(v));
        }
        RecentSet readBack = RecentSet.of(capacity, set.values());
        assertThat(readBack).isEqualTo(set);
        assertThat(readBack.contains(value)).isTrue();
      }
    }
    assertThatThrownBy(() -> RecentSet.of(3, List.of("Aa", "BB", "Aa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate value at 2");
    assertThat(RecentSet.of(3, List.of("Aa", "BB")).contains("BB")).isTrue();
  }
}
