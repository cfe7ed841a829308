/**
 * Learning from labels (issue 13): bringing verdicts into {@code fraud-feedback} — {@link
 * io.streamsentinel.learning.LabelImport} reads a file of labels (CSV or JSON lines) line by line,
 * {@link io.streamsentinel.learning.LabelPublisher} sends them keyed by user. {@link
 * io.streamsentinel.learning.TrainingSetReader} joins the decisions of {@code fraud-scores} with
 * these labels into a point-in-time {@link io.streamsentinel.learning.TrainingSet}. A stage:
 * depends on {@code domain}, {@code detection}, {@code codec} and {@code kafka}, never on another
 * stage.
 */
package io.streamsentinel.learning;
