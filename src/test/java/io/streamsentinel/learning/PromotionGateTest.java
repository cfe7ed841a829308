package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import org.junit.jupiter.api.Test;

/** The champion/challenger gate, judged on the candidate's own holdout. */
class PromotionGateTest {

  private static final TrainingSet SET = SyntheticModels.synthetic(6_000, 21, 0.05);

  private static TrainedModel train(int rounds, int depth) throws Exception {
    return new ModelTrainer(new ModelTrainer.Settings(rounds, depth, 0.3, 7, 2), 0.5)
        .train(SET, ModelInputs.standard(), (d, t) -> {});
  }

  private static ScoringModel champion(TrainedModel m) {
    return new ScoringModel("v1", m.trees(), m.inputs());
  }

  @Test
  void aWorseCandidateShouldBeRefusedAndTheReasonShouldSayWhy() throws Exception {
    TrainedModel strong = train(40, 4);
    TrainedModel stump = train(1, 1);

    PromotionGate.Decision d = PromotionGate.judge(SET, stump, champion(strong));

    assertThat(d.promote()).isFalse();
    assertThat(d.incumbent()).isEqualTo("model v1");
    assertThat(d.incumbentFigures().rocAuc()).isGreaterThan(d.candidate().rocAuc());
    assertThat(d.reason()).contains("(worse)");
    assertThat(d.toMap()).containsEntry("promoted", false).containsEntry("against", "model v1");
  }

  @Test
  void theSameModelShouldPassAgainstItselfAndAGoodOneAgainstTheRules() throws Exception {
    TrainedModel strong = train(40, 4);

    PromotionGate.Decision same = PromotionGate.judge(SET, strong, champion(strong));
    PromotionGate.Decision rules = PromotionGate.judge(SET, strong, null);

    assertThat(same.promote()).as(same.reason()).isTrue();
    assertThat(same.candidate().rocAuc()).isEqualTo(same.incumbentFigures().rocAuc());
    assertThat(rules.incumbent()).isEqualTo("rules");
    assertThat(rules.incumbentFigures()).isEqualTo(strong.report().rules());
    assertThat(rules.promote()).as(rules.reason()).isTrue();
  }
}
