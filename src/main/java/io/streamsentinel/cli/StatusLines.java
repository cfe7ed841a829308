package io.streamsentinel.cli;

import io.streamsentinel.persistence.SinkCounters;
import io.streamsentinel.response.ResponderCounters;
import io.streamsentinel.streaming.DetectorCounters;
import io.streamsentinel.streaming.DetectorService;
import java.util.Locale;

/** The once-a-second status line of each stage, as its command and the demo print it. */
final class StatusLines {

  private StatusLines() {}

  static String detector(DetectorService service) {
    DetectorCounters c = service.counters();
    return String.format(
        Locale.ROOT,
        "[%s] scored %,d  alerts %,d  dlq %,d  duplicates %,d  model %s",
        service.state(),
        c.scoredCount(),
        c.alertCount(),
        c.deadLetterCount(),
        c.duplicateCount(),
        service.modelVersion() == null ? "none (rules)" : service.modelVersion());
  }

  static String responder(ResponderCounters c) {
    return String.format(
        Locale.ROOT,
        "alerts handled %,d  actions %,d  dlq %,d  sla misses %,d",
        c.alertCount(),
        c.actionCount(),
        c.deadLetterCount(),
        c.slaMissCount());
  }

  static String sink(SinkCounters c) {
    String waiting = c.waitingFor() == null ? "" : "  PAUSED, retrying: " + c.waitingFor();
    return String.format(
        Locale.ROOT,
        "stored decisions %,d  alerts %,d  actions %,d  statuses %,d  labels %,d  dlq %,d%s",
        c.decisions(),
        c.alerts(),
        c.actions(),
        c.statuses(),
        c.labels(),
        c.deadLetters(),
        waiting);
  }
}
