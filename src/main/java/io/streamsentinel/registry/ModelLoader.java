package io.streamsentinel.registry;

import io.streamsentinel.codec.XgboostModelReader;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.TreeEnsemble;

/** Turns a registered version into a model the detector can score with, or says why it cannot. */
public final class ModelLoader {

  private ModelLoader() {}

  /**
   * @throws IllegalArgumentException naming the version and the reason: a checksum mismatch, an
   *     unsupported format, bytes that are not a model, or a schema the detector cannot feed
   */
  public static ScoringModel load(ModelVersion v) {
    String actual = ModelRecordCodec.sha256(v.model());
    if (!actual.equals(v.sha256())) {
      throw new IllegalArgumentException(
          "model "
              + v.version()
              + ": sha256 "
              + actual
              + " does not match the registered "
              + v.sha256());
    }
    if (!ModelVersion.XGBOOST_JSON.equals(v.format())) {
      throw new IllegalArgumentException(
          "model " + v.version() + ": format " + v.format() + " is not supported");
    }
    try {
      ModelInputs inputs = ModelInputs.of(v.inputs());
      TreeEnsemble trees = XgboostModelReader.read(v.model(), inputs.size());
      return new ScoringModel(v.version(), trees, inputs, v.severityScale());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model " + v.version() + ": " + e.getMessage(), e);
    }
  }
}
