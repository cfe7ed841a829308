package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.codec.Decoding;
import io.streamsentinel.codec.Mutations;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.detection.Snooze;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.detection.drift.ReferenceBins;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzes the registry's record codecs, {@link RuleSetRecordCodec}, {@link ModelRecordCodec} and
 * {@link SnoozeRecordCodec}: a record that is not a version (or a snooze) is an {@link
 * IllegalArgumentException}, and one they accept encodes to a record they read back equal in every
 * field.
 */
class RegistryRecordCodecsFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private static final List<byte[]> RULE_SETS =
      List.of(
          RuleSetRecordCodec.encode(
              RuleSetVersion.publish(
                      RuleSetCodec.parse(
                          "seed",
                          Mutations.utf8(
                              "{\"version\":\"v1\",\"rules\":[{\"id\":\"big\",\"conditions\":[{"
                                  + "\"feature\":\"amount\",\"op\":\">=\",\"threshold\":1000,"
                                  + "\"full\":5000}],\"weight\":0.75,\"reason_code\":\"BIG\","
                                  + "\"detail\":\"amount {amount}\"}]}")),
                      RuleSetStatus.SHADOW,
                      T)
                  .withStatus(RuleSetStatus.ACTIVE, T.plusMillis(1_500))));

  private static final List<byte[]> MODELS = models();

  private static final List<byte[]> SNOOZES =
      List.of(
          SnoozeRecordCodec.encode(
              new Snooze("big", "user_7", null, T.plusSeconds(3_600), "travel", "anna", T)),
          SnoozeRecordCodec.encode(
              new Snooze(
                  "velocity_burst_1m",
                  "user_8",
                  "0042",
                  T.plusMillis(1_500),
                  "merchant's test charges, ticket 4711",
                  "ops-bob",
                  T)));

  private static List<byte[]> models() {
    ModelVersion plain = ModelRecordCodecTest.version("v1", Mutations.utf8("{\"learner\":{}}"));
    ModelVersion scaled = plain.with(ModelStatus.SHADOW, T, new SeverityScale(0.8, 0.6, 0.4, 0.2));
    LinkedHashMap<String, ReferenceBins> inputs = new LinkedHashMap<>();
    inputs.put(
        "amount", new ReferenceBins(new double[] {25.5, 80}, new double[] {0.3, 0.3, 0.3, 0.1}));
    ModelVersion drifting =
        new ModelVersion(
            "v2",
            plain.status(),
            plain.createdAt(),
            plain.statusChangedAt(),
            plain.sha256(),
            plain.library(),
            plain.format(),
            plain.inputs(),
            plain.trainedFrom(),
            plain.trainedUntil(),
            plain.labelCounts(),
            plain.holdout(),
            plain.parameters(),
            plain.model(),
            null,
            new DriftReference(
                4_900,
                new ReferenceBins(new double[] {0.01, 0.2}, new double[] {0.5, 0.4, 0.1, 0}),
                inputs));
    return List.of(
        ModelRecordCodec.encode(plain),
        ModelRecordCodec.encode(scaled),
        ModelRecordCodec.encode(drifting));
  }

  /**
   * Mutants of rule set records, half of them resealed: with the checksum of the rules they now
   * hold, so that the decoder gets past the checksum to the status and the instants.
   */
  @Provide
  Arbitrary<Mutations.Mutant> ruleSetRecords() {
    Arbitrary<Mutations.Mutant> mutants = Mutations.ofJson(RULE_SETS);
    return Arbitraries.frequencyOf(
        Tuple.of(1, mutants), Tuple.of(1, mutants.map(RegistryRecordCodecsFuzzTest::resealed)));
  }

  @Provide
  Arbitrary<Mutations.Mutant> modelRecords() {
    return Mutations.ofJson(MODELS);
  }

  @Property
  void shouldReadBackEveryAcceptedRuleSetRecord(@ForAll("ruleSetRecords") Mutations.Mutant input) {
    var version =
        Decoding.accepted(
            IllegalArgumentException.class, () -> RuleSetRecordCodec.decode(input.bytes()));
    Decoding.countAccepted(version.isPresent(), 5);
    version.ifPresent(
        v -> assertThat(RuleSetRecordCodec.decode(RuleSetRecordCodec.encode(v))).isEqualTo(v));
  }

  @Property
  void shouldReadBackEveryAcceptedModelRecord(@ForAll("modelRecords") Mutations.Mutant input) {
    var version =
        Decoding.accepted(
            IllegalArgumentException.class, () -> ModelRecordCodec.decode(input.bytes()));
    Decoding.countAccepted(version.isPresent(), 5);
    version.ifPresent(
        v ->
            assertThat(ModelRecordCodec.decode(ModelRecordCodec.encode(v)))
                .usingRecursiveComparison()
                .isEqualTo(v));
  }

  @Provide
  Arbitrary<Mutations.Mutant> snoozeRecords() {
    return Mutations.ofJson(SNOOZES);
  }

  @Property
  void shouldReadBackEveryAcceptedSnoozeRecord(@ForAll("snoozeRecords") Mutations.Mutant input) {
    var snooze =
        Decoding.accepted(
            IllegalArgumentException.class, () -> SnoozeRecordCodec.decode(input.bytes()));
    Decoding.countAccepted(snooze.isPresent(), 5);
    snooze.ifPresent(
        s -> assertThat(SnoozeRecordCodec.decode(SnoozeRecordCodec.encode(s))).isEqualTo(s));
  }

  private static Mutations.Mutant resealed(Mutations.Mutant mutant) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(mutant.bytes());
      RuleSet rules = RuleSetCodec.parse("reseal", JSON.writeValueAsBytes(root.get("rules")));
      root.put("version", rules.version());
      root.put("sha256", RuleSetVersion.checksum(rules));
      return new Mutations.Mutant(JSON.writeValueAsBytes(root));
    } catch (Exception | StackOverflowError unsealable) {
      return mutant; // not JSON, or no rules to seal: as mutated
    }
  }
}
