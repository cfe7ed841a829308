package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.RuleSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link RuleSetCodec#parse}: a bad rule file is an {@link InvalidRuleFileException}, and a
 * rule set it accepts encodes to a file it reads back equal.
 */
class RuleSetCodecFuzzTest {

  /**
   * The first shipped rules as written by the codec (all of them make each try ten times slower and
   * reach no other code), and a small hand-written file.
   */
  private static final List<byte[]> SEEDS =
      List.of(
          RuleSetCodec.encode(firstDefaultRules(4)),
          Mutations.utf8(
              "{\"version\":\"v1\",\"description\":\"small\",\"step_up_weight\":0.5,\"rules\":[{"
                  + "\"id\":\"big\",\"conditions\":[{\"feature\":\"amount\",\"op\":\">=\","
                  + "\"threshold\":1000,\"full\":5000}],\"weight\":0.75,\"reason_code\":\"BIG\","
                  + "\"detail\":\"amount {amount}\",\"always_alert\":true}]}"));

  private static RuleSet firstDefaultRules(int count) {
    RuleSet all = RuleSetCodec.loadDefault();
    return new RuleSet(all.version(), all.stepUpWeight(), all.rules().subList(0, count));
  }

  @Provide
  Arbitrary<Mutations.Mutant> ruleFiles() {
    return Mutations.ofJson(SEEDS);
  }

  @Property
  void shouldRefuseOnlyWithInvalidRuleFileException(@ForAll("ruleFiles") Mutations.Mutant input) {
    boolean accepted =
        Decoding.accepted(
                InvalidRuleFileException.class, () -> RuleSetCodec.parse("fuzz", input.bytes()))
            .isPresent();
    Decoding.countAccepted(accepted, 5);
  }

  @Property
  void shouldReadBackEveryAcceptedRuleSetFromItsEncoding(
      @ForAll("ruleFiles") Mutations.Mutant input) {
    Decoding.accepted(
            InvalidRuleFileException.class, () -> RuleSetCodec.parse("fuzz", input.bytes()))
        .ifPresent(
            (RuleSet rules) ->
                assertThat(RuleSetCodec.parse("again", RuleSetCodec.encode(rules)))
                    .isEqualTo(rules));
  }

  @Example
  void shouldRefuseBytesThatLookLikeUtf32AsAnInvalidRuleFile() {
    assertThat(
            Decoding.accepted(
                InvalidRuleFileException.class,
                () -> RuleSetCodec.parse("fuzz", TransactionCodecFuzzTest.NOT_UTF_32)))
        .isEmpty();
  }
}
