package io.streamsentinel.app;

import io.streamsentinel.generator.PublisherStats;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.monitoring.Readings;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.persistence.SinkCounters;
import io.streamsentinel.response.ResponderCounters;
import io.streamsentinel.streaming.DetectorCounters;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DriftMonitor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What each component reports to its health monitor. Lag and input come from the cluster (Admin
 * API), the rest from the component's own counters, so no figure is counted twice.
 */
public final class ComponentProbes {

  private ComponentProbes() {}

  /**
   * The detector: scored vs dead letters; input is synthetic-transactions' log end; the champion
   * model's drift as this instance sees it.
   */
  public static Readings.Probe detector(DetectorService detector, Admin admin) {
    DetectorCounters c = detector.counters();
    DriftMonitor drift = detector.drift();
    return () ->
        new Readings(
            c.scoredCount(),
            c.deadLetterCount(),
            TopicOffsets.endOffsetSum(admin, List.of(TopicCatalog.TRANSACTIONS)),
            TopicOffsets.groupLag(admin, ClientCatalog.DETECTOR_GROUP, TopicCatalog.TRANSACTIONS),
            detectorCounts(c),
            drift.report());
  }

  /**
   * The responder: alerts acted on vs dead letters. Alerts are a small share of the transactions,
   * so the transaction throughput floor is not applied to it (no input figure).
   */
  public static Readings.Probe responder(ResponderCounters c, Admin admin) {
    return () ->
        new Readings(
            c.alertCount(),
            c.deadLetterCount(),
            -1,
            TopicOffsets.groupLag(admin, ClientCatalog.RESPONDER_GROUP, TopicCatalog.FRAUD_ALERTS),
            responderCounts(c));
  }

  /**
   * The persistence sink: decisions stored vs dead letters; lag over the four topics it stores. Its
   * throughput follows the detector's, so the floor is not applied to it (no input figure).
   */
  public static Readings.Probe persistence(SinkCounters c, Admin admin) {
    return () -> {
      long lag = 0;
      for (String topic : PersistenceSink.TOPICS) {
        lag += TopicOffsets.groupLag(admin, ClientCatalog.PERSISTENCE_GROUP, topic);
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("decisions_stored", c.decisions());
      counts.put("alerts_stored", c.alerts());
      counts.put("actions_stored", c.actions());
      counts.put("persistence_dlq", c.deadLetters());
      counts.put("database_retries", c.retries());
      return new Readings(c.decisions(), c.deadLetters(), -1, lag, counts);
    };
  }

  /** The generator: acknowledged vs failed sends; it has no input and no group. */
  public static Readings.Probe generator(PublisherStats s) {
    return () -> new Readings(s.acked(), s.failed(), -1, -1, generatorCounts(s));
  }

  /**
   * The whole demo: the detector's throughput, input and drift, every stage's failures, the larger
   * lag.
   */
  public static Readings.Probe demo(
      PublisherStats generated,
      DetectorService detected,
      ResponderCounters responded,
      Admin admin) {
    Readings.Probe detector = detector(detected, admin);
    Readings.Probe responder = responder(responded, admin);
    return () -> {
      Readings d = detector.read();
      Readings r = responder.read();
      Map<String, Long> counts = new LinkedHashMap<>(generatorCounts(generated));
      counts.putAll(d.counts());
      counts.putAll(r.counts());
      return new Readings(
          d.handled(),
          d.failed() + r.failed() + generated.failed(),
          d.input(),
          Math.max(d.lag(), r.lag()),
          counts,
          d.drift());
    };
  }

  private static Map<String, Long> detectorCounts(DetectorCounters c) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("transactions_scored", c.scoredCount());
    counts.put("alerts_raised", c.alertCount());
    counts.put("detector_dlq", c.deadLetterCount());
    counts.put("duplicates_dropped", c.duplicateCount());
    return counts;
  }

  private static Map<String, Long> responderCounts(ResponderCounters c) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("alerts_handled", c.alertCount());
    counts.put("actions_taken", c.actionCount());
    counts.put("responder_dlq", c.deadLetterCount());
    counts.put("sla_misses", c.slaMissCount());
    return counts;
  }

  private static Map<String, Long> generatorCounts(PublisherStats s) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("transactions_sent", s.sent());
    counts.put("transactions_acked", s.acked());
    counts.put("transactions_failed", s.failed());
    return counts;
  }
}
