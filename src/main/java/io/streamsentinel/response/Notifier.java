package io.streamsentinel.response;

import io.streamsentinel.domain.UserAction;

/**
 * Tells the outside world about an action (a fraud team's pager, a customer messaging system).
 * Delivery is at-least-once: a responder that crashes after notifying and before committing
 * notifies again, so every notification carries the action's id as an idempotency key for the
 * receiver to drop repeats.
 */
public interface Notifier {

  /**
   * @throws NotificationException when delivery failed; {@link NotificationException#isTransient()}
   *     says whether a retry may help
   */
  void notify(UserAction action) throws NotificationException;

  /** A failed delivery. */
  final class NotificationException extends Exception {
    private final boolean transientFailure;

    public NotificationException(String message, boolean transientFailure, Throwable cause) {
      super(message, cause);
      this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
      return transientFailure;
    }
  }
}
