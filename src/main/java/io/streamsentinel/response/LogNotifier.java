package io.streamsentinel.response;

import io.streamsentinel.domain.UserAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each action to the log: the default when no webhook is configured. */
public final class LogNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public void notify(UserAction action) {
    log.info(
        "{} for {} (alert {}, key {})",
        action.actionType(),
        action.userId(),
        action.alertId(),
        action.actionId());
  }
}
