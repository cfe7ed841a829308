package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.Snooze;
import io.streamsentinel.registry.RegistryTopic.Tombstones;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a registry record says, shared by {@link RegistryTopic} and {@link RegistryFollower}: the
 * version registries refuse a tombstone, the snoozes take it as a deletion and insist that a
 * record's key is its value's.
 */
class RegistryTombstonesTest {

  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final Snooze SNOOZE =
      new Snooze("burst", "u7", null, NOW.plusSeconds(3600), "travel", "anna", NOW);
  private static final byte[] BYTES = SnoozeRecordCodec.encode(SNOOZE);

  @Test
  void aTombstoneShouldRemoveWhereTheTopicSaysSoAndBeRefusedElsewhere() {
    assertThat(
            Tombstones.DELETE.entryOf(SNOOZE.key(), null, SnoozeRecordCodec::decode, Snooze::key))
        .isNull();
    assertThatThrownBy(
            () ->
                Tombstones.REFUSED.entryOf(
                    "default-4", null, RuleSetRecordCodec::decode, RuleSetVersion::version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no value");
  }

  @Test
  void aRecordShouldGiveItsEntryAndUnderDeleteOnlyUnderItsOwnKey() {
    assertThat(
            Tombstones.DELETE.entryOf(SNOOZE.key(), BYTES, SnoozeRecordCodec::decode, Snooze::key))
        .isEqualTo(SNOOZE);
    assertThatThrownBy(
            () ->
                Tombstones.DELETE.entryOf(
                    "burst|user:u8", BYTES, SnoozeRecordCodec::decode, Snooze::key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its key is not the one its value gives (burst|user:u7)");
    assertThat(Tombstones.REFUSED.entryOf("any key", BYTES, SnoozeRecordCodec::decode, Snooze::key))
        .as("a version registry keys by version but never deletes, so the key is not checked")
        .isEqualTo(SNOOZE);
  }

  @Test
  void aBadValueShouldBeRefusedEitherWay() {
    byte[] bad = "{\"rule\":".getBytes(StandardCharsets.UTF_8);
    for (Tombstones t : Tombstones.values()) {
      assertThatThrownBy(() -> t.entryOf("k", bad, SnoozeRecordCodec::decode, Snooze::key))
          .as(t.name())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
