package io.streamsentinel.response;

import io.streamsentinel.kafka.ClientCatalog;
import java.net.URI;
import java.util.Objects;

/**
 * How a responder instance runs.
 *
 * @param instanceId names its client and transactional id ({@link ClientCatalog#responder}); each
 *     instance its own
 * @param webhook where every action is POSTed as JSON; null to only log them
 */
public record ResponderSettings(String instanceId, URI webhook) {

  public ResponderSettings {
    Objects.requireNonNull(instanceId, "instanceId");
    if (instanceId.isBlank()) {
      throw new IllegalArgumentException("instance id must not be blank");
    }
  }

  /** Its client id, which is also its transactional id. */
  public String clientId() {
    return ClientCatalog.responder(instanceId);
  }
}
