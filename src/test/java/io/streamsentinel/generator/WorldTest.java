package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorldTest {

  @Test
  void shouldDefaultToTheDefaultWorld() {
    assertThat(GeneratorSettings.withSeed(7).world()).isEqualTo(World.DEFAULT);
    assertThat(new GeneratorSettings(7, 5, 0.5, Instant.EPOCH).world()).isEqualTo(World.DEFAULT);
    assertThat(GeneratorSettings.withSeed(7).withWorld(World.HARBOR).withUsers(5).world())
        .isEqualTo(World.HARBOR);
    assertThat(GeneratorSettings.withSeed(7).withWorld(World.FJORD).withUsers(5).world())
        .isEqualTo(World.FJORD);
    assertThat(GeneratorSettings.withSeed(7).withWorld(World.MESA).withUsers(5).world())
        .isEqualTo(World.MESA);
    assertThat(GeneratorSettings.withSeed(7).withWorld(World.SAVANNA).withUsers(5).world())
        .isEqualTo(World.SAVANNA);
    assertThat(GeneratorSettings.withSeed(7).withWorld(World.STEPPE).withUsers(5).world())
        .isEqualTo(World.STEPPE);
  }

  @Test
  void shouldParseEveryWireNameBack() {
    assertThat(World.names()).isEqualTo("default, harbor, fjord, mesa, savanna, steppe");
    for (World world : World.values()) {
      assertThat(World.fromWire(world.wireName())).isSameAs(world);
      assertThat(world.summary()).isNotBlank();
    }
  }

  @Test
  void shouldRejectAnUnknownWorldNamingItAndTheKnownOnes() {
    assertThatThrownBy(() -> World.fromWire("atlantis"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'atlantis'")
        .hasMessageContaining("default, harbor, fjord, mesa, savanna, steppe");
  }

  @Test
  void shouldRejectAMissingWorldNamingTheSetting() {
    assertThatThrownBy(() -> GeneratorSettings.withSeed(7).withWorld(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("world ");
  }

  @Test
  void shouldKeepHarborPatternsApartFromTheDefaultOnes() {
    for (HarborFraudPattern pattern : HarborFraudPattern.values()) {
      assertThat(HarborFraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
      assertThat(pattern.wireName()).matches("[a-z]+(_[a-z]+)*");
      assertThat(FraudPattern.values())
          .extracting(FraudPattern::wireName)
          .doesNotContain(pattern.wireName());
    }
  }

  @Test
  void shouldKeepFjordPatternsApartFromBothOtherWorldsOnes() {
    for (FjordFraudPattern pattern : FjordFraudPattern.values()) {
      assertThat(FjordFraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
      assertThat(pattern.wireName()).matches("[a-z]+(_[a-z]+)*");
      assertThat(FraudPattern.values())
          .extracting(FraudPattern::wireName)
          .doesNotContain(pattern.wireName());
      assertThat(HarborFraudPattern.values())
          .extracting(HarborFraudPattern::wireName)
          .doesNotContain(pattern.wireName());
    }
    assertThat(FjordFraudPattern.values()).hasSizeBetween(4, 5);
  }

  @Test
  void shouldKeepMesaPatternsApartFromTheThreeOtherWorldsOnes() {
    for (MesaFraudPattern pattern : MesaFraudPattern.values()) {
      assertThat(MesaFraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
      assertThat(pattern.wireName()).matches("[a-z]+(_[a-z]+)*");
      for (FraudKind[] others :
          new FraudKind[][] {
            FraudPattern.values(), HarborFraudPattern.values(), FjordFraudPattern.values()
          }) {
        assertThat(others).extracting(FraudKind::wireName).doesNotContain(pattern.wireName());
      }
    }
    assertThat(MesaFraudPattern.values()).hasSize(5);
  }

  @Test
  void shouldKeepSavannaPatternsApartFromTheFourOtherWorldsOnes() {
    for (SavannaFraudPattern pattern : SavannaFraudPattern.values()) {
      assertThat(SavannaFraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
      assertThat(pattern.wireName()).matches("[a-z]+(_[a-z]+)*");
      for (FraudKind[] others :
          new FraudKind[][] {
            FraudPattern.values(),
            HarborFraudPattern.values(),
            FjordFraudPattern.values(),
            MesaFraudPattern.values()
          }) {
        assertThat(others).extracting(FraudKind::wireName).doesNotContain(pattern.wireName());
      }
    }
    assertThat(SavannaFraudPattern.values()).hasSize(5);
  }

  @Test
  void shouldKeepSteppePatternsApartFromTheFiveOtherWorldsOnes() {
    for (SteppeFraudPattern pattern : SteppeFraudPattern.values()) {
      assertThat(SteppeFraudPattern.fromWire(pattern.wireName())).isSameAs(pattern);
      assertThat(pattern.wireName()).matches("[a-z]+(_[a-z]+)*");
      for (FraudKind[] others :
          new FraudKind[][] {
            FraudPattern.values(),
            HarborFraudPattern.values(),
            FjordFraudPattern.values(),
            MesaFraudPattern.values(),
            SavannaFraudPattern.values()
          }) {
        assertThat(others).extracting(FraudKind::wireName).doesNotContain(pattern.wireName());
      }
    }
    assertThat(SteppeFraudPattern.values()).hasSize(5);
  }

  @Test
  void shouldNotDescribeTheBlindSteppeWorldsFraudInItsSummary() {
    String summary = World.STEPPE.summary().toLowerCase(java.util.Locale.ROOT);
    assertThat(summary).contains("measured once blind, not tuned on");
    for (SteppeFraudPattern pattern : SteppeFraudPattern.values()) {
      for (String word : pattern.wireName().split("_")) {
        if (word.length() > 4) {
          assertThat(summary).doesNotContain(word);
        }
      }
    }
  }

  @Test
  void shouldNotDescribeTheBlindSavannaWorldsFraudInItsSummary() {
    String summary = World.SAVANNA.summary().toLowerCase(java.util.Locale.ROOT);
    for (SavannaFraudPattern pattern : SavannaFraudPattern.values()) {
      for (String word : pattern.wireName().split("_")) {
        if (word.length() > 4) {
          assertThat(summary).doesNotContain(word);
        }
      }
    }
  }

  @Test
  void shouldNotDescribeTheBlindMesaWorldsFraudInItsSummary() {
    String summary = World.MESA.summary().toLowerCase(java.util.Locale.ROOT);
    for (MesaFraudPattern pattern : MesaFraudPattern.values()) {
      for (String word : pattern.wireName().split("_")) {
        if (word.length() > 4) {
          assertThat(summary).doesNotContain(word);
        }
      }
    }
  }

  @Test
  void shouldNotDescribeTheBlindWorldsFraudInItsSummary() {
    String summary = World.FJORD.summary().toLowerCase(java.util.Locale.ROOT);
    for (FjordFraudPattern pattern : FjordFraudPattern.values()) {
      for (String word : pattern.wireName().split("_")) {
        if (word.length() > 4) {
          assertThat(summary).doesNotContain(word);
        }
      }
    }
  }
}
