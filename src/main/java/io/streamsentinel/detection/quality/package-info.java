/**
 * Detection quality: precision, recall, F1, confusion matrix and ROC AUC of scores against the
 * generator's ground-truth labels, overall and per fraud pattern. Pure arithmetic for evaluation
 * and tests; the labels it reads are never seen by the scoring in {@link
 * io.streamsentinel.detection}.
 */
package io.streamsentinel.detection.quality;
