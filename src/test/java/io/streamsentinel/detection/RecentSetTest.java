package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
        List.of(
            "Aa",
            "BB",
            "AaAa",
            "AaBB",
            "BBAa",
            "BBBB",
            "x",
            "y",
            "z",
            "Corner Bakery #3",
            "Café",
            "Cafe",
            "東京",
            "\uD83D\uDE00 shop",
            "",
            "m".repeat(127),
            "é".repeat(70),
            "long ".repeat(40));
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
        RecentSet fromWire = RecentSet.fromWire(capacity, set.size(), wireOf(set));
        assertThat(fromWire).isEqualTo(set).hasSameHashCodeAs(set);
        assertThat(fromWire.values()).isEqualTo(expected);
      }
    }
    assertThatThrownBy(() -> RecentSet.of(3, List.of("Aa", "BB", "Aa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate value at 2");
    assertThat(RecentSet.of(3, List.of("Aa", "BB")).contains("BB")).isTrue();
  }

  @Test
  void shouldKeepItsValuesAsLengthPrefixedUtf8() {
    RecentSet set = RecentSet.empty(4).plus("b").plus("Café");

    byte[] cafe = "Café".getBytes(StandardCharsets.UTF_8);
    assertThat(wireOf(set))
        .containsExactly(
            (byte) (cafe.length + 1), 'C', 'a', 'f', cafe[3], cafe[4], (byte) 2, (byte) 'b');
    assertThat(wireOf(RecentSet.empty(2))).isEmpty();
  }

  @Test
  void shouldWriteALongValueWithAMultiByteLength() {
    String longValue = "m".repeat(300);
    RecentSet set = RecentSet.empty(3).plus("a").plus(longValue).plus("a");

    assertThat(set.values()).containsExactly("a", longValue);
    assertThat(RecentSet.fromWire(3, 2, wireOf(set))).isEqualTo(set);
    assertThat(wireOf(set)).hasSize(2 + 2 + 300);
  }

  @Test
  void shouldLetTheLeastRecentGoWhenReadIntoASmallerCapacity() {
    byte[] wire = wireOf(RecentSet.of(3, List.of("c", "b", "a")));

    RecentSet smaller = RecentSet.fromWire(2, 3, wire);

    assertThat(smaller.values()).containsExactly("c", "b");
    assertThat(wireOf(smaller)).isEqualTo(wireOf(RecentSet.of(2, List.of("c", "b"))));
    assertThat(smaller.plus("a").values()).containsExactly("a", "c");
  }

  @Test
  void shouldRejectAWireFormThatIsNotTheEntriesItClaims() {
    byte[] wire = wireOf(RecentSet.of(3, List.of("ab", "c")));

    assertThatThrownBy(() -> RecentSet.fromWire(3, 3, wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2 of 3");
    assertThatThrownBy(() -> RecentSet.fromWire(3, 1, wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 bytes after the 1 entries");
    assertThatThrownBy(() -> RecentSet.fromWire(3, 1, new byte[] {9, 'a'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 8 overruns");
    assertThatThrownBy(() -> RecentSet.fromWire(3, 2, new byte[] {2, 'a', 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null or duplicate value at 1");
    assertThatThrownBy(() -> RecentSet.fromWire(3, 2, new byte[] {2, 'a', 2, 'a'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null or duplicate value at 1");
    assertThatThrownBy(() -> RecentSet.fromWire(3, 1, new byte[] {(byte) 0x80}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad length");
  }

  @Test
  void shouldNeverHoldTheSameBytesTwiceEvenForTextUtf8CannotCarry() {
    // A lone surrogate is written as '?': the set treats it as the "?" it holds.
    RecentSet set = RecentSet.empty(3).plus("x\uD800").plus("y").plus("x?");

    assertThat(set.values()).containsExactly("x?", "y");
    assertThat(RecentSet.fromWire(3, 2, wireOf(set))).isEqualTo(set);
  }

  @Test
  void shouldAnswerRepeatedLookupsOfOneValueAsTheFirst() {
    RecentSet set = RecentSet.of(3, List.of("c", "b", "a"));
    String b = new String("b".toCharArray());
    String d = new String("d".toCharArray());

    assertThat(set.contains(b)).isTrue();
    assertThat(set.contains(b)).isTrue();
    assertThat(set.plus(b).values()).containsExactly("b", "c", "a");
    assertThat(set.contains(d)).isFalse();
    assertThat(set.contains(d)).isFalse();
    assertThat(set.plus(d).values()).containsExactly("d", "c", "b");
    assertThat(set.contains("c")).isTrue();
    assertThat(set.plus("c")).isSameAs(set);
    assertThat(set.contains(b)).isTrue();
  }

  private static byte[] wireOf(RecentSet set) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    set.writeWire(out::write);
    return out.toByteArray();
  }
}
