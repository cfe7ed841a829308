package io.streamsentinel.cli;

import io.streamsentinel.response.ResponderSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import picocli.CommandLine.Option;

/** Options of the alert responder, shared by {@code respond} and {@code demo}. */
public final class ResponderOptions {

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description =
          "POST each notification (NOTIFY_FRAUD_TEAM) as JSON here, with an Idempotency-Key header, from"
              + " a notifier thread of its own (group alert-notification-group): at least once, 2 s per"
              + " whole exchange, 4 attempts, then given up; actions never wait for it (default:"
              + " notifications are only logged).")
  URI webhook;

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description =
          "Names this responder's transactional id (sentinel-responder-ID); each instance needs its own."
              + " Give a stable one so that a restart fences its crashed predecessor and aborts its open"
              + " transaction at once (default: host name and process id, unique but new on every"
              + " start; a crashed predecessor's transaction then ends by the broker's transaction"
              + " timeout).")
  String instanceId;

  ResponderSettings settings() {
    return new ResponderSettings(instanceId != null ? instanceId : derivedInstanceId(), webhook);
  }

  /**
   * Host name and process id: two instances started with defaults never share a transactional id
   * (with a fixed default the second would fence the first, which would then stop).
   */
  static String derivedInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost"; // the pid still tells instances on this host apart
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
