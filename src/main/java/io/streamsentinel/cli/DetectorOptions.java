package io.streamsentinel.cli;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.drift.DriftSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.streaming.DetectorSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the detector, shared by {@code detect} and {@code demo}. */
public final class DetectorOptions {

  @Option(
      names = "--guarantee",
      paramLabel = "G",
      defaultValue = "exactly-once",
      description =
          "Processing guarantee: exactly-once (default; exactly_once_v2) or at-least-once.")
  String guarantee;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description = "Stream threads in this instance (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rule set (JSON) to score with (default: the built-in rules).")
  Path rules;

  @Option(
      names = "--alert-threshold",
      paramLabel = "S",
      defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
      description = "Decisions scoring at least this are alerts (default: ${DEFAULT-VALUE}).")
  double alertThreshold;

  @Option(
      names = "--dedup-window",
      paramLabel = "D",
      defaultValue = "24h",
      converter = DurationOption.class,
      description =
          "A transaction id seen again within this long is dropped (default: ${DEFAULT-VALUE}).")
  Duration dedupWindow;

  @Option(
      names = "--drift-window",
      paramLabel = "D",
      defaultValue = "10m",
      converter = DurationOption.class,
      description =
          "The champion model's drift is judged on the decisions of the last D of wall-clock time,"
              + " in ten steps (default: ${DEFAULT-VALUE}).")
  Duration driftWindow;

  @Option(
      names = "--drift-min-decisions",
      paramLabel = "N",
      defaultValue = "" + DriftSettings.DEFAULT_MIN_DECISIONS,
      description =
          "No drift figure until the window holds N decisions of the champion (default:"
              + " ${DEFAULT-VALUE}).")
  long driftMinDecisions;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "data/streams",
      description = "Where the detector keeps its RocksDB state (default: ./${DEFAULT-VALUE}).")
  Path stateDir;

  DetectorSettings settings(TransactionLimits limits) {
    RuleSet ruleSet = rules == null ? RuleSetCodec.loadDefault() : RuleSetCodec.load(rules);
    return new DetectorSettings(ruleSet, alertThreshold, dedupWindow, limits)
        .withDrift(
            new DriftSettings(driftWindow, DriftSettings.DEFAULT_BUCKETS, driftMinDecisions));
  }

  StreamsSettings streams() {
    return new StreamsSettings(
        ClientCatalog.DETECTOR_GROUP,
        StreamsSettings.Guarantee.fromCli(guarantee),
        threads,
        stateDir,
        DetectorSettings.DLQ_TOPIC);
  }
}
