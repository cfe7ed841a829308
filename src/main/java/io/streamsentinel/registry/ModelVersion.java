package io.streamsentinel.registry;

import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.detection.drift.DriftReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model version in the registry.
 *
 * @param version {@code v1}, {@code v2}, ...: numbered in registration order
 * @param status where it stands
 * @param createdAt when it was registered
 * @param statusChangedAt when its status last changed
 * @param sha256 of {@code model}, hex; checked by every loader
 * @param library the library and version that trained it, e.g. {@code xgboost 3.4.0}
 * @param format the format of {@code model}, {@link #XGBOOST_JSON}
 * @param inputs the input schema: input names in row order
 * @param trainedFrom the earliest event time trained on
 * @param trainedUntil the latest event time trained on
 * @param labelCounts counts of labelled decisions (training and holdout, fraud and legitimate)
 * @param holdout the holdout figures of the model and of the rules, as reported by training
 * @param parameters the training parameters
 * @param model the model bytes
 * @param severities the severity tiers of its scores; null for the standard ones
 * @param reference its inputs' and score's distribution on its training rows, the drift monitor's
 *     reference; null for a version trained before drift was measured
 */
public record ModelVersion(
    String version,
    ModelStatus status,
    Instant createdAt,
    Instant statusChangedAt,
    String sha256,
    String library,
    String format,
    List<String> inputs,
    Instant trainedFrom,
    Instant trainedUntil,
    Map<String, Long> labelCounts,
    Map<String, Object> holdout,
    Map<String, Object> parameters,
    byte[] model,
    SeverityScale severities,
    DriftReference reference) {

  /** XGBoost's JSON model format. */
  public static final String XGBOOST_JSON = "xgboost-json";

  public ModelVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(model, "model");
    inputs = List.copyOf(inputs);
    labelCounts = Map.copyOf(labelCounts);
    holdout = holdout == null ? Map.of() : Map.copyOf(holdout);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A version on the standard severity scale. */
  public ModelVersion(
      String version,
      ModelStatus status,
      Instant createdAt,
      Instant statusChangedAt,
      String sha256,
      String library,
      String format,
      List<String> inputs,
      Instant trainedFrom,
      Instant trainedUntil,
      Map<String, Long> labelCounts,
      Map<String, Object> holdout,
      Map<String, Object> parameters,
      byte[] model) {
    this(
        version,
        status,
        createdAt,
        statusChangedAt,
        sha256,
        library,
        format,
        inputs,
        trainedFrom,
        trainedUntil,
        labelCounts,
        holdout,
        parameters,
        model,
        null,
        null);
  }

  /** The number of a version name: 3 for {@code v3}; -1 when it has no number. */
  public static long number(String version) {
    if (version == null || version.length() < 2 || version.charAt(0) != 'v') {
      return -1;
    }
    try {
      return Long.parseLong(version.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The same version with another status. */
  public ModelVersion withStatus(ModelStatus value, Instant at) {
    return with(value, at, severities);
  }

  /** The same version with another status and severity scale (null for the standard one). */
  public ModelVersion with(ModelStatus value, Instant at, SeverityScale scale) {
    return new ModelVersion(
        version,
        value,
        createdAt,
        at,
        sha256,
        library,
        format,
        inputs,
        trainedFrom,
        trainedUntil,
        labelCounts,
        holdout,
        parameters,
        model,
        scale,
        reference);
  }

  /** Its severity tiers: its own, or the standard ones. */
  public SeverityScale severityScale() {
    return severities == null ? SeverityScale.STANDARD : severities;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelVersion m
        && version.equals(m.version)
        && status == m.status
        && sha256.equals(m.sha256)
        && Objects.equals(statusChangedAt, m.statusChangedAt)
        && Objects.equals(severities, m.severities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, status, sha256);
  }

  @Override
  public String toString() {
    return "ModelVersion[" + version + ", " + status.wireName() + ", sha256 " + sha256 + "]";
  }
}
