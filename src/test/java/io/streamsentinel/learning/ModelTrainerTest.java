package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamsentinel.codec.XgboostModelReader;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.TreeEnsemble;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.detection.drift.ReferenceBins;
import java.util.Arrays;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training with XGBoost, and the plain-Java evaluator against the library itself. */
class ModelTrainerTest {

  private static final ModelInputs INPUTS = ModelInputs.standard();
  private static TrainedModel trained;

  @BeforeAll
  static void train() throws Exception {
    ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(40, 4, 0.3, 7, 2), 0.5);
    trained = trainer.train(SyntheticModels.synthetic(6_000, 1, 0.05), INPUTS, (done, total) -> {});
  }

  @Test
  void theJavaEvaluatorShouldEqualTheLibraryOn10000Rows() throws Exception {
    Random random = new Random(99);
    int rows = 10_000;
    int width = INPUTS.size();
    float[] data = new float[rows * width];
    for (int i = 0; i < data.length; i++) {
      // Whole numbers hit split thresholds exactly; a few missing values take default branches.
      double v = random.nextInt(10) == 0 ? random.nextInt(12) : random.nextGaussian() * 4 + 2;
      data[i] = random.nextInt(200) == 0 ? Float.NaN : (float) v;
    }
    Booster booster = XGBoost.loadModel(trained.bytes());
    DMatrix matrix = new DMatrix(data, rows, width, Float.NaN);
    float[][] expected = booster.predict(matrix);
    float[][] expectedMargin = booster.predict(matrix, true);
    TreeEnsemble trees = XgboostModelReader.read(trained.bytes(), width);
    double[] row = new double[width];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < width; j++) {
        row[j] = data[r * width + j];
      }
      assertThat(trees.probability(row)).isCloseTo(expected[r][0], within(1e-6));
      assertThat(trees.margin(row)).isCloseTo(expectedMargin[r][0], within(1e-4));
    }
    matrix.dispose();
    booster.dispose();
  }

  @Test
  void shouldKeepTheDriftReferenceOfEveryInputAndTheScoreOnTheTrainingRows() {
    DriftReference reference = trained.reference();
    HoldoutReport report = trained.report();

    assertThat(reference.rows()).isEqualTo(report.training().total());
    assertThat(reference.inputs().keySet()).containsExactlyElementsOf(INPUTS.names());
    ReferenceBins newDevice = reference.inputs().get("new_device");
    // A 0/1 flag with over a tenth of ones: the zeros' bin, the ones' bin, and an empty one above.
    assertThat(newDevice.cuts()).containsExactly(0.0, 1.0);
    assertThat(newDevice.fraction(2)).isZero();
    assertThat(newDevice.fraction(newDevice.bin(1))).isBetween(0.05, 0.3);
    assertThat(newDevice.fraction(newDevice.bin(0)) + newDevice.fraction(newDevice.bin(1)))
        .isCloseTo(1, within(1e-9));
    ReferenceBins hours = reference.inputs().get(ModelInputs.HOUR_OF_DAY);
    assertThat(Arrays.stream(hours.cuts())).allSatisfy(c -> assertThat(c).isBetween(0.0, 23.0));
    ReferenceBins score = reference.score();
    assertThat(score.cuts()).hasSizeGreaterThan(5);
    assertThat(Arrays.stream(score.cuts())).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
    assertThat(score.fraction(score.size() - 1)).isZero(); // a probability is never NaN
  }

  @Test
  void contributionsShouldSumToTheMargin() {
    TreeEnsemble trees = trained.trees();
    Random random = new Random(5);
    double[] row = new double[INPUTS.size()];
    double[] contributions = new double[INPUTS.size() + 1];
    for (int r = 0; r < 1_000; r++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 4 + 2;
      }
      double margin = trees.explain(row, contributions);
      double sum = 0;
      for (double c : contributions) {
        sum += c;
      }
      assertThat(sum).isCloseTo(margin, within(1e-9));
      assertThat(margin).isCloseTo(trees.margin(row), within(1e-12));
    }
  }

  @Test
  void theModelShouldBeatTheNoisyRulesOnTheLaterHoldout() {
    HoldoutReport report = trained.report();
    assertThat(report.training().total() + report.holdout().total()).isEqualTo(6_000);
    assertThat(report.holdout().total()).isEqualTo(1_200);
    assertThat(report.model().rocAuc()).isGreaterThan(0.95);
    assertThat(report.modelBeatsRules()).isTrue();
    assertThat(report.topInputs()).hasSize(5);
    assertThat(report.topInputs().get(0).input())
        .isIn("daily_spend_ratio", "tx_count_10m", "new_device");
    assertThat(trained.library()).isEqualTo("xgboost 3.4.0");
    assertThat(trained.trees().treeCount()).isEqualTo(40);
  }

  @Test
  void tooFewFraudsShouldBeRefusedNamingTheCounts() {
    ModelTrainer trainer = new ModelTrainer(ModelTrainer.Settings.defaults(), 0.5);
    TrainingSet few = SyntheticModels.synthetic(1_000, 3, 0.02);
    long frauds = few.counts().fraud();
    assertThat(frauds).isLessThan(ModelTrainer.MIN_PER_CLASS);
    assertThatThrownBy(() -> trainer.train(few, INPUTS, (d, t) -> {}))
        .isInstanceOf(NotEnoughLabelsException.class)
        .hasMessageContaining(frauds + " fraud")
        .hasMessageContaining("at least 50");
  }
}
