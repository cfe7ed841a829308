package io.streamsentinel.detection;

/**
 * Where the detector gets the model in force: read once per transaction, so a newly promoted model
 * scores from the next transaction on. Implementations must be thread-safe and fast (a volatile
 * read).
 */
@FunctionalInterface
public interface ModelSource {

  /** No model: the rules alone score. */
  ModelSource NONE = () -> null;

  /** The champion now, or null while there is none. */
  ScoringModel current();

  /**
   * The shadow now: a model scored beside the champion on every transaction, whose score rides in
   * the decision and never alerts or acts; null while there is none.
   */
  default ScoringModel shadow() {
    return null;
  }
}
