package io.streamsentinel.monitoring;

/** The health rules, by the name their events and {@code /health} carry. */
public enum HealthRule {
  /** A consumer group is more than {@link HealthThresholds#maxLag()} records behind. */
  CONSUMER_LAG("consumer_lag"),
  /** More than {@link HealthThresholds#maxErrorRate()} of the records handled failed. */
  ERROR_RATE("error_rate"),
  /**
   * Input arrives but fewer than {@link HealthThresholds#minThroughput()} records/s are handled.
   */
  THROUGHPUT("throughput"),
  /**
   * The champion model's inputs or score drifted: the largest population stability index between
   * the live window and the training rows is above {@link HealthThresholds#maxPsi()}.
   */
  MODEL_DRIFT("model_drift");

  private final String id;

  HealthRule(String id) {
    this.id = id;
  }

  /** The snake_case name used in JSON. */
  public String id() {
    return id;
  }
}
