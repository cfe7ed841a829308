/**
 * Learning from labels (issue 13): bringing verdicts into {@code fraud-feedback} — {@link
 * io.streamsentinel.learning.LabelImport} reads a file of labels (CSV or JSON lines) line by line,
 * {@link io.streamsentinel.learning.LabelPublisher} sends them keyed by user. The model-training
 * work that learns scoring from these labels will grow here. A stage: depends on {@code domain},
 * {@code codec} and {@code kafka}, never on another stage.
 */
package io.streamsentinel.learning;
