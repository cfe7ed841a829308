package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.learning.SyntheticModels;
import io.streamsentinel.learning.TrainedModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From a registered version to a model the detector scores with, or a refusal naming it. */
class ModelLoaderTest {

  private static final List<String> STANDARD = ModelInputs.standard().names();
  private static TrainedModel trained;

  @BeforeAll
  static void train() {
    trained = SyntheticModels.small();
  }

  private static ModelVersion version(
      String name, String sha256, String format, List<String> inputs, byte[] model) {
    return new ModelVersion(
        name,
        ModelStatus.CANDIDATE,
        Instant.parse("2026-03-02T12:00:00Z"),
        Instant.parse("2026-03-02T12:00:00Z"),
        sha256,
        trained.library(),
        format,
        inputs,
        null,
        null,
        Map.of(),
        null,
        null,
        model);
  }

  private static ModelVersion version(String name, List<String> inputs, byte[] model) {
    return version(name, ModelRecordCodec.sha256(model), ModelVersion.XGBOOST_JSON, inputs, model);
  }

  @Test
  void shouldLoadARegisteredModelThatScoresAsTrained() {
    ModelVersion registered =
        ModelRecordCodec.decode(ModelRecordCodec.encode(version("v1", STANDARD, trained.bytes())));

    ScoringModel model = ModelLoader.load(registered);

    assertThat(model.version()).isEqualTo("v1");
    assertThat(model.inputs()).isEqualTo(ModelInputs.standard());
    assertThat(model.trees().treeCount()).isEqualTo(trained.trees().treeCount());
    Random random = new Random(11);
    double[] row = new double[STANDARD.size()];
    for (int r = 0; r < 200; r++) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextGaussian() * 3 + 2;
      }
      assertThat(model.trees().margin(row)).isEqualTo(trained.trees().margin(row));
    }
  }

  @Test
  void shouldRefuseAChecksumMismatchNamingTheVersion() {
    byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
    ModelVersion tampered =
        version(
            "v2",
            ModelRecordCodec.sha256(other),
            ModelVersion.XGBOOST_JSON,
            STANDARD,
            trained.bytes());

    assertThatThrownBy(() -> ModelLoader.load(tampered))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v2: sha256 " + ModelRecordCodec.sha256(trained.bytes()))
        .hasMessageEndingWith("does not match the registered " + ModelRecordCodec.sha256(other));
  }

  @Test
  void shouldRefuseAnUnknownFormatNamingTheVersion() {
    byte[] bytes = trained.bytes();
    ModelVersion onnx = version("v3", ModelRecordCodec.sha256(bytes), "onnx", STANDARD, bytes);

    assertThatThrownBy(() -> ModelLoader.load(onnx))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model v3: format onnx is not supported");
  }

  @Test
  void shouldRefuseASchemaWithAnInputTheDetectorCannotComputeNamingTheVersion() {
    List<String> inputs = new ArrayList<>(STANDARD);
    inputs.set(3, "shoe_size");

    assertThatThrownBy(() -> ModelLoader.load(version("v4", inputs, trained.bytes())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v4: input 'shoe_size'");
  }

  @Test
  void shouldRefuseASchemaOfAnotherSizeThanTheModelNamingTheVersion() {
    List<String> shorter = STANDARD.subList(0, STANDARD.size() - 1);

    assertThatThrownBy(() -> ModelLoader.load(version("v5", shorter, trained.bytes())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "model v5: the model takes "
                + STANDARD.size()
                + " inputs, its schema names "
                + shorter.size());
  }

  @Test
  void shouldRefuseBytesThatAreNotAnXgboostModelNamingTheVersion() {
    byte[] text = "not a model at all".getBytes(StandardCharsets.UTF_8);
    byte[] json = "{\"version\": [3, 0, 0]}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ModelLoader.load(version("v6", STANDARD, text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v6: not an XGBoost JSON model");
    assertThatThrownBy(() -> ModelLoader.load(version("v7", STANDARD, json)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model v7: the model has no 'learner'");
  }
}
