package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class GcPausesTest {

  @Test
  void shouldSumThePausesOfEveryCollectorAndLeaveConcurrentCyclesOut() {
    GcPauses pauses =
        GcPauses.of(
            List.of(
                collector("G1 Young Generation", 12, 180),
                collector("G1 Old Generation", 1, 40),
                collector("ZGC Cycles", 5, 9_000),
                collector("ZGC Pauses", 15, 2)));

    assertThat(pauses).isEqualTo(new GcPauses(28, 222));
  }

  @Test
  void shouldCountNothingForACollectorThatDoesNotTell() {
    assertThat(GcPauses.of(List.of(collector("Copy", -1, -1), collector("MarkSweepCompact", 2, 7))))
        .isEqualTo(new GcPauses(2, 7));
  }

  @Test
  void shouldGiveARoundsPausesAsTheDifferenceOfTwoSnapshots() {
    assertThat(new GcPauses(10, 150).until(new GcPauses(13, 195)))
        .containsEntry("gc_pauses", 3.0)
        .containsEntry("gc_pause_ms", 45.0)
        .hasSize(2);
  }

  @Test
  void shouldReadThisJvmsCollectors() {
    GcPauses before = GcPauses.now();
    System.gc(); // a pause in every collector this JVM may run with the tests' settings

    GcPauses after = GcPauses.now();

    assertThat(after.count()).isGreaterThan(before.count());
  }

  private static GarbageCollectorMXBean collector(String name, long count, long millis) {
    return new GarbageCollectorMXBean() {
      @Override
      public long getCollectionCount() {
        return count;
      }

      @Override
      public long getCollectionTime() {
        return millis;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public boolean isValid() {
        return true;
      }

      @Override
      public String[] getMemoryPoolNames() {
        return new String[0];
      }

      @Override
      public ObjectName getObjectName() {
        return null;
      }
    };
  }
}
