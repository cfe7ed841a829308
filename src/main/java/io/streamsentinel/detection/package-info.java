/**
 * The pure core of fraud detection: a bounded per-user behavioural profile updated in event time
 * ({@link io.streamsentinel.detection.UserProfile}, {@link
 * io.streamsentinel.detection.SlidingWindows}), the features of a transaction against it ({@link
 * io.streamsentinel.detection.FeatureExtractor}), and explainable scoring by rules that are data
 * ({@link io.streamsentinel.detection.Scorer}). Immutable values and pure functions; no clocks, no
 * I/O. Knows nothing of Kafka, JSON, databases or HTTP (enforced by an architecture test): the
 * stream processor and the rule-file loader wrap it. Ground-truth labels ride along on decisions
 * for evaluation and are never read here.
 */
package io.streamsentinel.detection;
