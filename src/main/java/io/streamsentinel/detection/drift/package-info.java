/**
 * Drift of the model's inputs and score, as pure maths: the reference histograms a model is trained
 * with ({@link io.streamsentinel.detection.drift.DriftReference}), the live sliding window the
 * detector counts decisions into ({@link io.streamsentinel.detection.drift.DriftWindow}) and the
 * population stability index between them ({@link io.streamsentinel.detection.drift.Psi}). Nothing
 * here knows Kafka, JSON or metrics.
 */
package io.streamsentinel.detection.drift;
