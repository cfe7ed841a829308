package io.streamsentinel.learning;

/**
 * Too few labelled decisions to train on or to judge a model with; the message names the counts.
 */
public final class NotEnoughLabelsException extends Exception {

  private static final long serialVersionUID = 1L;

  NotEnoughLabelsException(String message) {
    super(message);
  }
}
