package io.streamsentinel.response;

import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.secrets.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a responder instance runs.
 *
 * @param instanceId names its client and transactional id ({@link ClientCatalog#responder}); each
 *     instance its own
 * @param webhook where each notification action ({@code NOTIFY_*}) is POSTed as JSON; null to only
 *     log them
 * @param webhookTimeout the deadline of one whole webhook exchange; positive
 */
public record ResponderSettings(String instanceId, URI webhook, Duration webhookTimeout) {

  /** With the default webhook deadline, {@link WebhookNotifier#TIMEOUT}. */
  public ResponderSettings(String instanceId, URI webhook) {
    this(instanceId, webhook, WebhookNotifier.TIMEOUT);
  }

  public ResponderSettings {
    Objects.requireNonNull(instanceId, "instanceId");
    if (webhookTimeout == null || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
      throw new IllegalArgumentException(
          "webhook timeout must be positive but was " + webhookTimeout);
    }
    if (instanceId.isBlank()) {
      throw new IllegalArgumentException("instance id must not be blank");
    }
  }

  /** Never prints the webhook's path or query, which may be its secret. */
  @Override
  public String toString() {
    return "ResponderSettings[instanceId="
        + instanceId
        + ", webhook="
        + (webhook == null ? null : Secrets.maskedUrl(webhook.toString()))
        + ", webhookTimeout="
        + webhookTimeout
        + "]";
  }

  /** Its client id, which is also its transactional id. */
  public String clientId() {
    return ClientCatalog.responder(instanceId);
  }

  /** The client id of its notifier's consumer. */
  public String notifierClientId() {
    return "sentinel-notifier-" + instanceId;
  }
}
