package io.streamsentinel.cli;

import io.streamsentinel.analytics.ReportFigures;
import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.Json;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.learning.Backtest;
import io.streamsentinel.registry.ModelLoader;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.RuleRegistry;
import io.streamsentinel.registry.RuleSetVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sentinel backtest}: a candidate rule set or model replayed on logged history. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the logged decisions of fraud-scores — each with the features the detector computed at decision"
          + " time — through a candidate rule set (--rules) or a registered model (--model), and reports its figures"
          + " next to what was live on the same decisions: ROC AUC, precision, recall and F1 at the alert threshold,"
          + " alerts per day, the amount of labelled fraud caught, and the decisions that would change, with a"
          + " sample. Nothing live is touched: the topics are only read.",
      "Labels: the latest label on fraud-feedback, else the ground truth a decision carried; unlabelled"
          + " decisions and those on accounts already blocked are left out, as `evaluate` does — so with the live"
          + " configuration as the candidate both columns equal evaluate's figures.",
      "Exit codes: 0 done; 2 a bad rule file, an unknown or unloadable model, or nothing to replay."
    })
final class BacktestCommand implements Callable<Integer> {

  static final int REFUSED = 2;

  private final CliContext context;

  @Mixin KafkaOptions kafka;

  @ArgGroup(multiplicity = "1")
  CandidateOption candidate;

  /** Exactly one candidate. */
  static final class CandidateOption {
    @Option(names = "--rules", paramLabel = "FILE", description = "A rule set (JSON) to replay.")
    Path rules;

    @Option(
        names = "--model",
        paramLabel = "VERSION",
        description = "A registered model version to replay, e.g. v3, or latest.")
    String model;
  }

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Only decisions with an event time at or after TIME (ISO-8601).")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Only decisions with an event time before TIME.")
  Instant until;

  @Option(
      names = "--threshold",
      paramLabel = "S",
      defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
      description = "Alert threshold both sides are judged at (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  BacktestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    KafkaConfig config = kafka.config();
    Topics.ensure(context, config);
    ClientConfigFactory clients = config.clients();
    Backtest.Candidate replayed;
    try {
      replayed = candidate(clients);
    } catch (InvalidRuleFileException | IllegalArgumentException e) {
      context.err().println("backtest: " + e.getMessage());
      return REFUSED;
    }
    return replay(context, "backtest", clients, replayed, since, until, threshold, json);
  }

  /**
   * Replays {@code candidate} with progress on stderr, prints the comparison and writes it as JSON
   * when asked; {@code model compare} runs the same.
   *
   * @return the exit code: 0, or {@link #REFUSED} when there was nothing to replay
   */
  static int replay(
      CliContext context,
      String command,
      ClientConfigFactory clients,
      Backtest.Candidate candidate,
      Instant since,
      Instant until,
      double threshold,
      Path json)
      throws InterruptedException, IOException {
    ReadProgress progress =
        new ReadProgress(
            "replaying " + TopicCatalog.FRAUD_FEEDBACK + " and " + TopicCatalog.FRAUD_SCORES,
            Map.of(),
            endOffsets(clients),
            context.err(),
            System::nanoTime);
    long start = System.nanoTime();
    Backtest.Result r =
        new Backtest(clients, threshold).run(candidate, since, until, progress::read);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (r.live().quality().decisions() == 0) {
      context
          .err()
          .printf(
              Locale.ROOT,
              "%s: no labelled decision to replay (%,d read, %,d unlabelled, %,d outside the"
                  + " window, %,d not scored by %s)%n",
              command,
              r.decisionsRead(),
              r.unlabelled(),
              r.outsideWindow(),
              r.notScored(),
              r.candidate());
      return REFUSED;
    }
    print(context.out(), r, seconds);
    if (json != null) {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures(r, seconds));
      context.out().println("Written to " + json);
    }
    return 0;
  }

  private Backtest.Candidate candidate(ClientConfigFactory clients) {
    if (candidate.rules != null) {
      return Backtest.rules(RuleSetCodec.load(candidate.rules));
    }
    // A model is merged with the rules in force: a published set's hard rules, else the default's.
    RuleSet inForce =
        new RuleRegistry(clients, Clock.systemUTC())
            .active()
            .map(RuleSetVersion::rules)
            .orElseGet(RuleSetCodec::loadDefault);
    return Backtest.model(
        ModelLoader.load(new ModelRegistry(clients, Clock.systemUTC()).find(candidate.model)),
        inForce.hardReasonCodes());
  }

  private static Map<TopicPartition, Long> endOffsets(ClientConfigFactory clients)
      throws InterruptedException {
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.EVALUATE).toProperties())) {
      return TopicOffsets.endOffsets(
          admin, List.of(TopicCatalog.FRAUD_FEEDBACK, TopicCatalog.FRAUD_SCORES));
    }
  }

  private static void print(PrintWriter out, Backtest.Result r, double seconds) {
    out.printf(
        Locale.ROOT,
        "Replayed %,d labelled decisions from %s to %s in %.1f s (%,d records read; left out: %,d"
            + " unlabelled, %,d on blocked accounts, %,d outside the window, %,d not scored by the"
            + " candidate, %,d undecodable), threshold %.2f%n%n",
        r.live().quality().decisions(),
        r.from(),
        r.to(),
        seconds,
        r.decisionsRead(),
        r.unlabelled(),
        r.enforcement(),
        r.outsideWindow(),
        r.notScored(),
        r.undecodable(),
        r.threshold());
    out.printf(
        Locale.ROOT,
        "%-20s %8s %9s %8s %8s %11s %22s%n",
        "",
        "ROC AUC",
        "PRECISION",
        "RECALL",
        "F1",
        "ALERTS/DAY",
        "FRAUD AMOUNT CAUGHT");
    row(out, "live", r.live());
    row(out, r.candidate(), r.replayed());
    out.printf(
        Locale.ROOT,
        "%nWould change: %,d new alerts, %,d alerts no longer raised%n",
        r.newAlerts(),
        r.droppedAlerts());
    sample(out, "New alerts", r.newAlertSample());
    sample(out, "Alerts no longer raised", r.droppedAlertSample());
  }

  private static void row(PrintWriter out, String name, Backtest.Figures f) {
    QualityReport q = f.quality();
    out.printf(
        Locale.ROOT,
        "%-20s %8.4f %9.4f %8.4f %8.4f %11.1f %,12.2f of %,.2f%n",
        name,
        q.auc(),
        q.precision(),
        q.recall(),
        q.f1(),
        f.alertsPerDay(),
        f.fraudAmountCaught(),
        f.fraudAmount());
  }

  private static void sample(PrintWriter out, String title, List<Backtest.Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    out.println(title + " (sample):");
    for (Backtest.Change c : changes) {
      out.printf(
          Locale.ROOT,
          "  %s  %s  %s  amount %s  live %.3f -> %.3f  %s%n",
          c.transactionId(),
          c.userId(),
          c.eventTime(),
          c.amount().toPlainString(),
          c.liveScore(),
          c.candidateScore(),
          c.fraud() ? "fraud" : "legitimate");
    }
  }

  private static Map<String, Object> figures(Backtest.Result r, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("candidate", r.candidate());
    m.put("threshold", r.threshold());
    m.put("from", r.from());
    m.put("to", r.to());
    m.put("seconds", seconds);
    m.put("decisions_read", r.decisionsRead());
    m.put("unlabelled_decisions", r.unlabelled());
    m.put("blocked_account_decisions", r.enforcement());
    m.put("outside_window", r.outsideWindow());
    m.put("not_scored_by_candidate", r.notScored());
    m.put("undecodable_records", r.undecodable());
    m.put("live", side(r.live()));
    m.put("candidate_figures", side(r.replayed()));
    m.put("new_alerts", r.newAlerts());
    m.put("dropped_alerts", r.droppedAlerts());
    m.put("new_alert_sample", r.newAlertSample());
    m.put("dropped_alert_sample", r.droppedAlertSample());
    return m;
  }

  private static Map<String, Object> side(Backtest.Figures f) {
    Map<String, Object> m = new LinkedHashMap<>(ReportFigures.quality(f.quality()));
    m.put("alerts_per_day", f.alertsPerDay());
    m.put("fraud_amount", f.fraudAmount());
    m.put("fraud_amount_caught", f.fraudAmountCaught());
    return m;
  }
}
