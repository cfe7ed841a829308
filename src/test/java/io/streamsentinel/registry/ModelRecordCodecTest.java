package io.streamsentinel.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.detection.drift.ReferenceBins;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The value of a {@code fraud-models} record: metadata plus the model gzip-compressed in base64.
 */
class ModelRecordCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant CREATED = Instant.parse("2026-03-02T12:00:00Z");
  private static final Instant PROMOTED = Instant.parse("2026-03-03T08:30:00.250Z");

  /** Model-like text that compresses well, as XGBoost's JSON does. */
  static byte[] modelBytes() {
    StringBuilder text = new StringBuilder("{\"learner\":{\"trees\":[");
    for (int i = 0; i < 2_000; i++) {
      text.append("{\"split_conditions\":[0.5,1.25,-0.75],\"left_children\":[1,-1,-1]},");
    }
    return text.append("{}]}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  static ModelVersion version(String name, byte[] model) {
    return new ModelVersion(
        name,
        ModelStatus.CHAMPION,
        CREATED,
        PROMOTED,
        ModelRecordCodec.sha256(model),
        "xgboost 3.4.0",
        ModelVersion.XGBOOST_JSON,
        List.of("amount", "daily_spend_ratio", "hour_of_day"),
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-02-28T23:59:59Z"),
        Map.of("training_fraud", 120L, "training_legit", 4_800L, "holdout_fraud", 30L),
        Map.of("model_roc_auc", 0.97, "rules_roc_auc", 0.81),
        Map.of("max_depth", 4, "eta", 0.3, "objective", "binary:logistic"),
        model);
  }

  private static byte[] withField(byte[] record, String field, String value) throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(record);
    node.put(field, value);
    return JSON.writeValueAsBytes(node);
  }

  @Test
  void shouldReadBackTheModelBytesAndEveryField() {
    byte[] model = modelBytes();
    ModelVersion written = version("v3", model);

    ModelVersion read = ModelRecordCodec.decode(ModelRecordCodec.encode(written));

    assertThat(read.model()).isEqualTo(model);
    assertThat(read.version()).isEqualTo("v3");
    assertThat(read.status()).isEqualTo(ModelStatus.CHAMPION);
    assertThat(read.createdAt()).isEqualTo(CREATED);
    assertThat(read.statusChangedAt()).isEqualTo(PROMOTED);
    assertThat(read.sha256()).isEqualTo(ModelRecordCodec.sha256(model)).hasSize(64);
    assertThat(read.library()).isEqualTo("xgboost 3.4.0");
    assertThat(read.format()).isEqualTo(ModelVersion.XGBOOST_JSON);
    assertThat(read.inputs()).containsExactly("amount", "daily_spend_ratio", "hour_of_day");
    assertThat(read.trainedFrom()).isEqualTo(written.trainedFrom());
    assertThat(read.trainedUntil()).isEqualTo(written.trainedUntil());
    assertThat(read.labelCounts()).isEqualTo(written.labelCounts());
    assertThat(read.holdout()).isEqualTo(written.holdout());
    assertThat(read.parameters()).isEqualTo(written.parameters());
    assertThat(read).isEqualTo(written);
    assertThat(read.severities()).isNull();
    assertThat(read.severityScale()).isEqualTo(SeverityScale.STANDARD);
  }

  @Test
  void shouldReadBackAModelsOwnSeverityThresholds() {
    SeverityScale own = new SeverityScale(0.8, 0.6, 0.4, 0.2);
    ModelVersion written = version("v4", modelBytes()).with(ModelStatus.CHAMPION, PROMOTED, own);

    ModelVersion read = ModelRecordCodec.decode(ModelRecordCodec.encode(written));

    assertThat(read.severities()).isEqualTo(own);
    assertThat(
            new String(ModelRecordCodec.encode(written), java.nio.charset.StandardCharsets.UTF_8))
        .contains(
            "\"severity_thresholds\":{\"critical\":0.8,\"high\":0.6,\"medium\":0.4,\"low\":0.2}");
  }

  @Test
  void shouldReadBackTheDriftReferenceInTheModelsInputOrder() {
    ModelVersion v = version("v6", modelBytes());
    DriftReference reference =
        new DriftReference(
            4_900,
            new ReferenceBins(new double[] {0.01, 0.2}, new double[] {0.5, 0.4, 0.1, 0}),
            new java.util.LinkedHashMap<>(
                Map.of(
                    "hour_of_day",
                    new ReferenceBins(new double[] {11}, new double[] {0.5, 0.5, 0}),
                    "amount",
                    new ReferenceBins(
                        new double[] {25.5, 80}, new double[] {0.3, 0.3, 0.3, 0.1}))));
    ModelVersion written =
        new ModelVersion(
            v.version(),
            v.status(),
            v.createdAt(),
            v.statusChangedAt(),
            v.sha256(),
            v.library(),
            v.format(),
            v.inputs(),
            v.trainedFrom(),
            v.trainedUntil(),
            v.labelCounts(),
            v.holdout(),
            v.parameters(),
            v.model(),
            null,
            reference);

    ModelVersion read = ModelRecordCodec.decode(ModelRecordCodec.encode(written));

    assertThat(read.reference()).isEqualTo(reference);
    assertThat(read.reference().inputs().keySet())
        .containsExactlyElementsOf(reference.inputs().keySet());
    assertThat(read.withStatus(ModelStatus.ARCHIVED, PROMOTED).reference()).isEqualTo(reference);
    assertThat(new String(ModelRecordCodec.encode(written), StandardCharsets.UTF_8))
        .contains("\"drift_reference\":{\"rows\":4900,\"score\":{\"cuts\":[0.01,0.2]");
  }

  @Test
  void shouldReadARecordWrittenBeforeDriftWasMeasuredWithoutAReference() throws Exception {
    ObjectNode node =
        (ObjectNode) JSON.readTree(ModelRecordCodec.encode(version("v2", modelBytes())));
    node.remove("drift_reference");

    ModelVersion read = ModelRecordCodec.decode(JSON.writeValueAsBytes(node));

    assertThat(read.reference()).isNull();
    assertThat(read.version()).isEqualTo("v2");
  }

  @Test
  void shouldStoreTheModelCompressedUnderSnakeCaseNames() throws Exception {
    byte[] model = modelBytes();

    byte[] record = ModelRecordCodec.encode(version("v3", model));

    var node = JSON.readTree(record);
    assertThat(node.get("status").textValue()).isEqualTo("champion");
    assertThat(node.get("created_at").textValue()).isEqualTo("2026-03-02T12:00:00Z");
    assertThat(node.get("label_counts").get("training_fraud").longValue()).isEqualTo(120);
    assertThat(node.has("model_gzip_base64")).isTrue();
    assertThat(record.length).isLessThan(model.length / 10);
  }

  @Test
  void shouldHashTheBytesAsHexSha256() {
    assertThat(ModelRecordCodec.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void shouldRefuseBytesThatAreNotBase64NamingTheVersion() throws Exception {
    byte[] record =
        withField(
            ModelRecordCodec.encode(version("v4", modelBytes())),
            "model_gzip_base64",
            "not*base64!");

    assertThatThrownBy(() -> ModelRecordCodec.decode(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v4: the model bytes are corrupt");
  }

  @Test
  void shouldRefuseBytesThatAreNotGzipNamingTheVersion() throws Exception {
    String plain =
        Base64.getEncoder().encodeToString("{\"learner\":{}}".getBytes(StandardCharsets.UTF_8));
    byte[] record =
        withField(ModelRecordCodec.encode(version("v5", modelBytes())), "model_gzip_base64", plain);

    assertThatThrownBy(() -> ModelRecordCodec.decode(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v5: the model bytes are corrupt");
  }

  @Test
  void shouldRefuseATruncatedGzipStreamNamingTheVersion() throws Exception {
    byte[] encoded = ModelRecordCodec.encode(version("v6", modelBytes()));
    String base64 = JSON.readTree(encoded).get("model_gzip_base64").textValue();
    byte[] gzip = Base64.getDecoder().decode(base64);
    byte[] half = Arrays.copyOf(gzip, gzip.length / 2);
    byte[] record =
        withField(encoded, "model_gzip_base64", Base64.getEncoder().encodeToString(half));

    assertThatThrownBy(() -> ModelRecordCodec.decode(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model v6: the model bytes are corrupt");
  }

  @Test
  void shouldRefuseARecordWithoutItsIdentityOrModel() throws Exception {
    byte[] record = ModelRecordCodec.encode(version("v7", modelBytes()));
    ObjectNode noSha = (ObjectNode) JSON.readTree(record);
    noSha.remove("sha256");
    ObjectNode noModel = (ObjectNode) JSON.readTree(record);
    noModel.remove("model_gzip_base64");

    assertThatThrownBy(() -> ModelRecordCodec.decode(JSON.writeValueAsBytes(noSha)))
        .hasMessage("a model record needs version, status and sha256");
    assertThatThrownBy(() -> ModelRecordCodec.decode(JSON.writeValueAsBytes(noModel)))
        .hasMessage("model v7 has no model_gzip_base64");
    assertThatThrownBy(() -> ModelRecordCodec.decode(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelRecordCodec.decode("[1, 2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("not a model record");
  }

  @Test
  void shouldRefuseAnUnknownStatus() throws Exception {
    byte[] record =
        withField(ModelRecordCodec.encode(version("v8", modelBytes())), "status", "winner");

    assertThatThrownBy(() -> ModelRecordCodec.decode(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'winner'");
  }
}
