package io.streamsentinel.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.generator.World;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How far {@code default-5}'s method travels: leave one world out. Its eight anomaly rules weigh
 * every nat of surprisal alike, fitted to no world; the only numbers chosen on data are the two
 * channel priors (nats for a card-not-present payment, and more for one at a merchant new to the
 * user), picked from a grid (0 to 4 nats, and 0 to 2) for the best mean ROC AUC over the worlds
 * (seed 42, first 200,000 events). Here each of the five tuning worlds is scored with the priors
 * picked on the other four, which it never saw. The shipped priors (1 and 2 nats) are the pick over
 * all five. The assertions hold what was measured, so a change that travels worse fails.
 */
class LeaveOneWorldOutTest {

  private static final long SEED = 42;
  private static final int EVENTS = 200_000;

  /** Weight of one nat on the anomaly component's scale (a rule's weight at 8 nats is 0.04). */
  private static final double PER_NAT = 0.005;

  /** The channel priors in nats (online, and a new merchant online) picked without the world. */
  private static final Map<World, double[]> PICKED_WITHOUT = new EnumMap<>(World.class);

  static {
    PICKED_WITHOUT.put(World.DEFAULT, new double[] {1, 2});
    PICKED_WITHOUT.put(World.HARBOR, new double[] {1, 2});
    PICKED_WITHOUT.put(World.FJORD, new double[] {1.5, 2});
    PICKED_WITHOUT.put(World.MESA, new double[] {0.5, 2});
    PICKED_WITHOUT.put(World.SAVANNA, new double[] {1.5, 2});
  }

  private static final Map<World, QualityReport> HELD_OUT = new EnumMap<>(World.class);

  @BeforeAll
  static void scoreEachWorldWithThePriorsPickedWithoutIt() {
    RuleSet shipped = RuleSetCodec.loadDefault();
    for (World world : PICKED_WITHOUT.keySet()) { // the five tuning worlds, not steppe
      RuleSet picked = withChannelPriors(shipped, PICKED_WITHOUT.get(world));
      QualityReport r = RulesOnlyQuality.score(world, picked, SEED, 0, EVENTS);
      HELD_OUT.put(world, r);
      System.out.printf(
          Locale.ROOT,
          "default-5's method on world %-7s held out: ROC AUC %.4f, precision %.3f, recall %.3f"
              + " at 0.5%n",
          world.wireName(),
          r.auc(),
          r.precision(),
          r.recall());
    }
  }

  private static RuleSet withChannelPriors(RuleSet rules, double[] nats) {
    List<Rule> kept = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      double weight =
          switch (rule.id()) {
            case "online_payment" -> nats[0] * PER_NAT;
            case "new_merchant_online" -> nats[1] * PER_NAT;
            default -> rule.weight();
          };
      if (weight > 0) {
        kept.add(rule.withWeight(weight));
      }
    }
    return new RuleSet(rules.version() + "-picked", rules.stepUpWeight(), kept);
  }

  @Test
  void shouldWeighEveryNatAlikeAndTheChannelInTheSameUnit() {
    List<Rule> anomaly = RuleSetCodec.loadDefault().rules().stream().skip(12).toList();

    assertThat(anomaly).hasSize(10);
    for (Rule rule : anomaly.subList(0, 8)) {
      assertThat(rule.weight()).as(rule.id()).isEqualTo(8 * PER_NAT);
      assertThat(rule.conditions()).singleElement().extracting(Condition::full).isEqualTo(8.0);
    }
    assertThat(anomaly.get(8).id()).isEqualTo("online_payment");
    assertThat(anomaly.get(8).weight()).isEqualTo(1 * PER_NAT);
    assertThat(anomaly.get(9).id()).isEqualTo("new_merchant_online");
    assertThat(anomaly.get(9).weight()).isEqualTo(2 * PER_NAT);
  }

  @Test
  void shouldRankEachWorldsFraudAsMeasuredWithoutIt() {
    // Measured (held out): default 0.9827, harbor 0.9285, fjord 0.9105, mesa 0.8228, savanna
    // 0.9066; mean 0.9102 (default-4's method, on the first four: mean 0.8975).
    assertThat(HELD_OUT.get(World.DEFAULT).auc()).isGreaterThanOrEqualTo(0.98);
    assertThat(HELD_OUT.get(World.HARBOR).auc()).isGreaterThanOrEqualTo(0.925);
    assertThat(HELD_OUT.get(World.FJORD).auc()).isGreaterThanOrEqualTo(0.91);
    assertThat(HELD_OUT.get(World.MESA).auc()).isGreaterThanOrEqualTo(0.82);
    assertThat(HELD_OUT.get(World.SAVANNA).auc()).isGreaterThanOrEqualTo(0.905);
  }
}
