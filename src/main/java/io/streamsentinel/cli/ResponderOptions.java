package io.streamsentinel.cli;

import io.streamsentinel.response.ResponderSettings;
import java.net.URI;
import picocli.CommandLine.Option;

/** Options of the alert responder, shared by {@code respond} and {@code demo}. */
public final class ResponderOptions {

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description =
          "POST every action as JSON here, with an Idempotency-Key header (default: actions are only logged).")
  URI webhook;

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      defaultValue = "1",
      description =
          "Names this responder's transactional id (sentinel-responder-ID); give each instance its own"
              + " (default: ${DEFAULT-VALUE}).")
  String instanceId;

  ResponderSettings settings() {
    return new ResponderSettings(instanceId, webhook);
  }
}
