package io.streamsentinel.learning;

import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.TreeEnsemble;
import io.streamsentinel.detection.drift.DriftReference;
import java.time.Duration;
import java.util.Map;

/**
 * A model fresh from training, not yet registered.
 *
 * @param bytes the model in XGBoost's JSON format, what the registry stores
 * @param trees the same model as the detector evaluates it, read back from {@code bytes}
 * @param inputs its input schema
 * @param report its figures on the holdout
 * @param parameters the training parameters
 * @param library the library and version that trained it, e.g. {@code xgboost 3.4.0}
 * @param took how long training took
 * @param reference its inputs' and score's distribution on the training rows, for drift
 */
public record TrainedModel(
    byte[] bytes,
    TreeEnsemble trees,
    ModelInputs inputs,
    HoldoutReport report,
    Map<String, Object> parameters,
    String library,
    Duration took,
    DriftReference reference) {

  public TrainedModel {
    bytes = bytes.clone();
    parameters = Map.copyOf(parameters);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
