package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
