package io.streamsentinel.cli;

import io.streamsentinel.codec.InvalidRuleFileException;
import io.streamsentinel.codec.Json;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.learning.Backtest;
import io.streamsentinel.learning.HoldoutReport;
import io.streamsentinel.learning.ModelTrainer;
import io.streamsentinel.learning.ModelTraining;
import io.streamsentinel.learning.NotEnoughLabelsException;
import io.streamsentinel.learning.PromotionGate;
import io.streamsentinel.learning.RetrainSchedule;
import io.streamsentinel.learning.ScorerFigures;
import io.streamsentinel.learning.TrainingSetReader;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.ModelVersion;
import io.streamsentinel.registry.RuleRegistry;
import io.streamsentinel.registry.RuleSetVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinel model}: train, list, show, promote and retire model versions. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "The learned model: trained on the detector's own logged decisions and their labels, kept with every"
          + " version in the compacted topic fraud-models, and followed by every running detector.",
      "A detector loads the champion at start and switches to a newly promoted one within seconds, between two"
          + " records, without restart. While no version is champion, the rules score alone."
    },
    subcommands = {
      ModelCommand.Train.class,
      ModelCommand.ListVersions.class,
      ModelCommand.Show.class,
      ModelCommand.Promote.class,
      ModelCommand.Shadow.class,
      ModelCommand.Compare.class,
      ModelCommand.Retire.class
    })
final class ModelCommand {

  /** Exit code for too few labels, an unknown version or a refused change. */
  static final int REFUSED = 2;

  private ModelCommand() {}

  private static ModelRegistry registry(KafkaConfig config) {
    return new ModelRegistry(config.clients(), Clock.systemUTC());
  }

  /** A subcommand that reads or changes the registry on the cluster its options name. */
  abstract static class RegistryCommand implements Callable<Integer> {

    final CliContext context;

    @Mixin KafkaOptions kafka;

    RegistryCommand(CliContext context) {
      this.context = context;
    }

    /** The registry, once the catalog's topics exist. */
    ModelRegistry registry() throws InterruptedException {
      KafkaConfig config = kafka.config();
      Topics.ensure(context, config);
      return ModelCommand.registry(config);
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Reads every committed decision of fraud-scores and every label of fraud-feedback (the latest label of a"
            + " transaction wins), joins them by transaction_id on the features the detector logged at decision time,"
            + " trains a gradient-boosted tree model (XGBoost) on the earliest 80 %% by event time and reports on the"
            + " latest 20 %%: ROC AUC, PR-AUC, precision and recall at the alert threshold and at recall 0.8, next to"
            + " the rules' own score on the same decisions, and the inputs that weigh most.",
        "The model is registered in fraud-models as a new version with status candidate; `model promote` puts it in"
            + " force.",
        "Exit codes: 0 registered; 2 too few labels (under 50 fraud or 50 legitimate labelled decisions, or under"
            + " 5 of each in the holdout), nothing registered; 1 an error."
      })
  static final class Train implements Callable<Integer> {

    private final CliContext context;

    @Mixin KafkaOptions kafka;

    @Option(
        names = "--since",
        paramLabel = "TIME",
        description =
            "Only decisions with an event time at or after TIME (ISO-8601, e.g. 2026-01-01T00:00:00Z).")
    Instant since;

    @Option(
        names = "--until",
        paramLabel = "TIME",
        description = "Only decisions with an event time before TIME.")
    Instant until;

    @Option(
        names = "--assume-legit-after",
        paramLabel = "D",
        converter = DurationOption.class,
        description =
            "Take a decision without any label as legitimate once the newest label is D past its event time"
                + " (e.g. 3d: chargebacks come within days). Needed when analysts confirm only a few legitimate"
                + " transactions, or the model learns far more fraud than the traffic holds. Default: labelled"
                + " decisions only.")
    Duration assumeLegitAfter;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        defaultValue = "100",
        description = "Boosting rounds, one tree each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--max-depth",
        paramLabel = "D",
        defaultValue = "5",
        description = "Depth of each tree (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(
        names = "--eta",
        paramLabel = "E",
        defaultValue = "0.2",
        description = "Learning rate, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(
        names = "--threshold",
        paramLabel = "S",
        defaultValue = "" + Decision.DEFAULT_ALERT_THRESHOLD,
        description = "Alert threshold of the at-threshold figures (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Option(
        names = "--promote-if-better",
        description =
            "Promote the new model when, on its own holdout, its ROC AUC is at least the champion's (or the rules'"
                + " while there is no champion) and its precision at the threshold is not worse by more than 0.02;"
                + " the decision and its figures are printed and kept with the version in the registry.")
    boolean promoteIfBetter;

    @Option(
        names = "--watch",
        description =
            "Keep training: once now, then every --every, until Ctrl-C. A run with too few labels says so and"
                + " waits for the next.")
    boolean watch;

    @Option(
        names = "--every",
        paramLabel = "D",
        defaultValue = "1h",
        converter = DurationOption.class,
        description = "How often --watch trains, e.g. 30m, 6h (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(
        names = "--every-labels",
        paramLabel = "N",
        defaultValue = "0",
        description =
            "With --watch, also train as soon as N new label records have come to fraud-feedback since the last"
                + " run (default: only on the schedule).")
    long everyLabels;

    /** How often --watch looks at the label count. */
    private static final Duration LABEL_CHECK = Duration.ofSeconds(10);

    private long lastPrint;

    Train(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
      if (since != null && until != null && !since.isBefore(until)) {
        context.err().println("model train: --since " + since + " is not before --until " + until);
        return REFUSED;
      }
      KafkaConfig config = kafka.config();
      Topics.ensure(context, config);
      ClientConfigFactory clients = config.clients();
      ModelTrainer.Settings settings;
      try {
        settings = new ModelTrainer.Settings(rounds, maxDepth, eta, 42, 0);
      } catch (IllegalArgumentException e) {
        context.err().println("model train: " + e.getMessage());
        return REFUSED;
      }
      ModelTraining training =
          new ModelTraining(
              new TrainingSetReader(clients),
              new ModelTrainer(settings, threshold),
              registry(config));
      if (!watch) {
        return once(training);
      }
      RetrainSchedule schedule;
      try {
        schedule = new RetrainSchedule(every, everyLabels);
      } catch (IllegalArgumentException e) {
        context.err().println("model train: " + e.getMessage());
        return REFUSED;
      }
      while (!context.shutdown().isRequested()) {
        long labels = labelRecords(clients);
        Instant now = Instant.now();
        if (schedule.isDue(now, labels)) {
          context.out().println("Training: " + schedule.reason(now, labels));
          schedule.ran(now, labels);
          if (once(training) == 1) {
            return 1;
          }
          context
              .out()
              .printf(
                  "Next training in %s%s (Ctrl-C stops)%n",
                  every, everyLabels > 0 ? ", or after " + everyLabels + " new label records" : "");
        }
        context.shutdown().awaitRequest(LABEL_CHECK);
      }
      return 0;
    }

    /** The label records in {@code fraud-feedback}: its end offsets summed. */
    private static long labelRecords(ClientConfigFactory clients) throws InterruptedException {
      try (Admin admin = Admin.create(clients.admin(ClientCatalog.MODELS).toProperties())) {
        return TopicOffsets.endOffsetSum(admin, List.of(TopicCatalog.FRAUD_FEEDBACK));
      }
    }

    /** One training run: read, train, judge when asked, register; its report printed. */
    private int once(ModelTraining training) throws IOException {
      long start = System.nanoTime();
      ModelTraining.Outcome outcome;
      try {
        TrainingSetReader.Result read =
            training.read(since, until, assumeLegitAfter, progress(start));
        outcome =
            promoteIfBetter
                ? training.trainAndGate(read, progress(start))
                : training.train(read, progress(start));
      } catch (NotEnoughLabelsException e) {
        context.err().println("model train: " + e.getMessage() + "; nothing registered");
        return REFUSED;
      }
      print(outcome, (System.nanoTime() - start) / 1e9);
      if (outcome.gate() != null) {
        PromotionGate.Decision g = outcome.gate();
        context
            .out()
            .println(
                (g.promote() ? "Promoted " : "Not promoted: ")
                    + outcome.registered().version()
                    + " against "
                    + g.incumbent()
                    + ": "
                    + g.reason());
      }
      if (json != null) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("version", outcome.registered().version());
        figures.put("status", outcome.registered().status().wireName());
        figures.put("sha256", outcome.registered().sha256());
        figures.put("training_seconds", outcome.model().took().toMillis() / 1000.0);
        figures.put("holdout", outcome.model().report());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures);
        context.out().println("Written to " + json);
      }
      return 0;
    }

    private ModelTraining.Progress progress(long start) {
      return new ModelTraining.Progress() {
        @Override
        public void recordRead(String topic, long readSoFar) {
          if (due()) {
            context.err().printf(Locale.ROOT, "reading %s: %,d records%n", topic, readSoFar);
          }
        }

        @Override
        public void round(int done, int total) {
          if (due() || done == total) {
            context
                .err()
                .printf(
                    Locale.ROOT,
                    "training: %d of %d trees (%.1f s)%n",
                    done,
                    total,
                    (System.nanoTime() - start) / 1e9);
          }
        }
      };
    }

    private boolean due() {
      long now = System.nanoTime();
      if (now - lastPrint >= 1_000_000_000L) {
        lastPrint = now;
        return true;
      }
      return false;
    }

    private void print(ModelTraining.Outcome o, double seconds) {
      var out = context.out();
      var set = o.read().set();
      HoldoutReport r = o.model().report();
      out.printf(
          Locale.ROOT,
          "Training set: %,d labelled decisions (%,d fraud, %,d legitimate by maturity), %,d decisions"
              + " without a label, %,d labels without a decision, %,d undecodable records%n",
          set.examples().size(),
          set.counts().fraud(),
          set.assumedLegitimate(),
          set.unlabelled(),
          set.orphanLabels(),
          o.read().undecodableDecisions() + o.read().undecodableLabels());
      out.printf(
          Locale.ROOT,
          "Trained on %,d (%,d fraud) in %.1f s; holdout: the latest %,d by event time (%,d fraud)%n",
          r.training().total(),
          r.training().fraud(),
          o.model().took().toMillis() / 1000.0,
          r.holdout().total(),
          r.holdout().fraud());
      out.printf(
          Locale.ROOT,
          "%-8s %8s %8s %14s %14s %16s%n",
          "",
          "ROC AUC",
          "PR-AUC",
          "P/R @ " + r.alertThreshold(),
          "P @ R " + r.targetRecall(),
          "threshold @ R");
      row("model", r.model());
      row("rules", r.rules());
      out.print("Top inputs (mean |contribution|, log odds):");
      for (HoldoutReport.InputWeight w : r.topInputs()) {
        out.printf(Locale.ROOT, " %s %.3f", w.input(), w.meanAbsContribution());
      }
      out.println();
      ModelVersion v = o.registered();
      out.printf(
          Locale.ROOT,
          "Registered model %s (%s, %d trees, sha256 %s…) in %s in %.1f s%n",
          v.version(),
          v.status().wireName(),
          o.model().trees().treeCount(),
          v.sha256().substring(0, 12),
          TopicCatalog.FRAUD_MODELS,
          seconds);
      if (o.gate() != null) {
        return; // the gate's own line follows
      }
      out.println(
          r.modelBeatsRules()
              ? "It ranks the holdout better than the rules. Put it in force: sentinel model promote "
                  + v.version()
              : "It does not rank the holdout better than the rules on both ROC AUC and PR-AUC.");
    }

    private void row(String name, ScorerFigures f) {
      context
          .out()
          .printf(
              Locale.ROOT,
              "%-8s %8.4f %8.4f %6.3f / %5.3f %14.3f %16.4f%n",
              name,
              f.rocAuc(),
              f.prAuc(),
              f.precisionAtThreshold(),
              f.recallAtThreshold(),
              f.precisionAtTargetRecall(),
              f.thresholdAtTargetRecall());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists every registered model version, oldest first, with status and holdout figures.")
  static final class ListVersions extends RegistryCommand {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean asJson;

    ListVersions(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
      List<ModelVersion> versions = registry().list();
      if (asJson) {
        context
            .out()
            .println(
                Json.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(versions.stream().map(ModelCommand::summary).toList()));
        return 0;
      }
      if (versions.isEmpty()) {
        context.out().println("No model registered yet. Train one: sentinel model train");
        return 0;
      }
      context
          .out()
          .printf(
              Locale.ROOT,
              "%-8s %-10s %-20s %-14s %9s %9s %9s %9s%n",
              "VERSION",
              "STATUS",
              "CREATED",
              "LIBRARY",
              "FRAUDS",
              "ROC AUC",
              "PR-AUC",
              "RULES AUC");
      for (ModelVersion v : versions) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "%-8s %-10s %-20s %-14s %,9d %9s %9s %9s%n",
                v.version(),
                v.status().wireName(),
                v.createdAt() == null ? "-" : v.createdAt().toString().substring(0, 19),
                v.library(),
                v.labelCounts().getOrDefault("training_fraud", 0L)
                    + v.labelCounts().getOrDefault("holdout_fraud", 0L),
                figure(v, "model", "roc_auc"),
                figure(v, "model", "pr_auc"),
                figure(v, "rules", "roc_auc"));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one model version in full (without its bytes), as JSON.")
  static final class Show extends RegistryCommand {

    @Parameters(paramLabel = "VERSION", description = "A version, e.g. v3, or latest.")
    String version;

    Show(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
      ModelRegistry registry = registry();
      ModelVersion v;
      try {
        v = registry.find(version);
      } catch (IllegalArgumentException e) {
        context.err().println("model show: " + e.getMessage());
        return REFUSED;
      }
      Map<String, Object> all = summary(v);
      all.put("inputs", v.inputs());
      all.put("holdout", v.holdout());
      all.put("parameters", v.parameters());
      all.put("model_bytes", v.model().length);
      context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
      return 0;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = {
        "Makes VERSION the champion; the former champion becomes archived. Every running detector switches to it"
            + " within seconds, without restart. The model is loaded and checked first (checksum, format, input"
            + " schema); one that fails is refused and nothing changes."
      })
  static final class Promote extends RegistryCommand {

    @Parameters(paramLabel = "VERSION", description = "A version, e.g. v3, or latest.")
    String version;

    @Option(
        names = "--severity-thresholds",
        paramLabel = "C,H,M,L",
        description =
            "The lowest score of CRITICAL, HIGH, MEDIUM and LOW for this model's decisions, e.g. 0.8,0.6,0.4,0.2"
                + " (default: the version's own, else the rules' 0.9,0.7,0.5,0.3). The alert threshold is the"
                + " detector's own setting.")
    String severityThresholds;

    Promote(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      ModelRegistry registry = registry();
      try {
        ModelVersion v = registry.promote(version, severities(severityThresholds));
        SeverityScale s = v.severityScale();
        context
            .out()
            .printf(
                Locale.ROOT,
                "Model %s is the champion; detectors switch within seconds. Severity: CRITICAL >= %s,"
                    + " HIGH >= %s, MEDIUM >= %s, LOW >= %s%n",
                v.version(),
                s.critical(),
                s.high(),
                s.medium(),
                s.low());
        return 0;
      } catch (IllegalArgumentException e) {
        context.err().println("model promote: " + e.getMessage());
        return REFUSED;
      }
    }
  }

  @Command(
      name = "shadow",
      mixinStandardHelpOptions = true,
      description = {
        "Runs a challenger beside what is in force: model VERSION in place of the champion, the rule set of"
            + " --rules FILE in place of the active rules, or both. Every running detector scores it on every"
            + " transaction within seconds and without restart, and logs its score in each decision (\"shadow\":"
            + " {\"version\", \"score\"}; the version reads v4, rules:NAME or v4+rules:NAME). A shadow never"
            + " alerts or acts. One shadow model and one shadow rule set at a time: a former shadow model goes back"
            + " to candidate, a former shadow rule set is archived.",
        "`model compare` then sets the shadow's figures next to what was live on the labelled decisions.",
        "Exit codes: 0 done; 2 an unknown model, an invalid rule file, or neither VERSION, --rules nor --stop."
      })
  static final class Shadow extends RegistryCommand {

    @Parameters(
        paramLabel = "VERSION",
        arity = "0..1",
        description = "A model version, e.g. v4, or latest.")
    String version;

    @Option(
        names = "--rules",
        paramLabel = "FILE",
        description = "A rule set (JSON) to run as the shadow rule set; published on fraud-rules.")
    Path rules;

    @Option(names = "--stop", description = "Stop the shadow model and the shadow rule set.")
    boolean stop;

    Shadow(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      boolean start = version != null || rules != null;
      if (stop == start) {
        context.err().println("model shadow: give VERSION, --rules FILE or both, or --stop");
        return REFUSED;
      }
      RuleSet shadowRules = null;
      if (rules != null) {
        try {
          shadowRules = RuleSetCodec.load(rules);
        } catch (InvalidRuleFileException e) {
          context.err().println("model shadow: " + e.getMessage());
          return REFUSED;
        }
      }
      ModelRegistry registry = registry();
      RuleRegistry ruleRegistry = new RuleRegistry(kafka.config().clients(), Clock.systemUTC());
      try {
        if (stop) {
          ModelVersion former = registry.stopShadow();
          RuleSetVersion formerRules = ruleRegistry.stopShadow();
          context
              .out()
              .println(
                  former == null
                      ? "No shadow model was running."
                      : "Shadow " + former.version() + " stopped; it is a candidate again.");
          context
              .out()
              .println(
                  formerRules == null
                      ? "No shadow rule set was running."
                      : "Shadow rule set " + formerRules.version() + " stopped; it is archived.");
          return 0;
        }
        if (version != null) {
          ModelVersion v = registry.shadow(version);
          context.out().println("Model " + v.version() + " runs as the shadow model.");
        }
        if (shadowRules != null) {
          RuleSetVersion v = ruleRegistry.shadow(shadowRules);
          context.out().println("Rule set " + v.version() + " runs as the shadow rule set.");
        }
        context
            .out()
            .println(
                "Detectors score the shadow beside what is in force within seconds. Compare: sentinel"
                    + " model compare");
        return 0;
      } catch (IllegalArgumentException e) {
        context.err().println("model shadow: " + e.getMessage());
        return REFUSED;
      }
    }
  }

  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Champion against shadow on the labelled decisions made while a shadow ran: the same figures as"
            + " `backtest` (ROC AUC, precision, recall, F1 at the threshold, alerts per day, fraud amount caught)"
            + " for what was live and for the shadow's logged scores, and the decisions on which they disagree."
      })
  static final class Compare extends RegistryCommand {

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
        description = "Alert threshold both are judged at (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    Compare(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
      KafkaConfig config = kafka.config();
      Topics.ensure(context, config);
      return BacktestCommand.replay(
          context,
          "model compare",
          config.clients(),
          Backtest.loggedShadow(),
          since,
          until,
          threshold,
          json);
    }
  }

  @Command(
      name = "retire",
      mixinStandardHelpOptions = true,
      description =
          "Retires VERSION. The champion cannot be retired: promote another version first.")
  static final class Retire extends RegistryCommand {

    @Parameters(paramLabel = "VERSION", description = "A version, e.g. v2.")
    String version;

    Retire(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() throws InterruptedException {
      ModelRegistry registry = registry();
      try {
        ModelVersion v = registry.retire(version);
        context.out().println("Model " + v.version() + " is retired.");
        return 0;
      } catch (IllegalArgumentException e) {
        context.err().println("model retire: " + e.getMessage());
        return REFUSED;
      }
    }
  }

  /**
   * @throws IllegalArgumentException naming the text when it is not four numbers in order
   */
  static SeverityScale severities(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "--severity-thresholds '" + text + "': give four numbers, CRITICAL,HIGH,MEDIUM,LOW");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--severity-thresholds '" + text + "': '" + parts[i] + "' is not a number", e);
      }
    }
    try {
      return new SeverityScale(v[0], v[1], v[2], v[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--severity-thresholds '" + text + "': " + e.getMessage(), e);
    }
  }

  static Map<String, Object> summary(ModelVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.version());
    m.put("status", v.status().wireName());
    m.put("created_at", v.createdAt());
    m.put("status_changed_at", v.statusChangedAt());
    m.put("sha256", v.sha256());
    m.put("library", v.library());
    m.put("format", v.format());
    m.put("trained_from", v.trainedFrom());
    m.put("trained_until", v.trainedUntil());
    m.put("label_counts", v.labelCounts());
    m.put("severity_thresholds", v.severityScale());
    return m;
  }

  private static String figure(ModelVersion v, String scorer, String name) {
    Object part = v.holdout().get(scorer);
    if (part instanceof Map<?, ?> figures && figures.get(name) instanceof Number n) {
      return String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }
    return "-";
  }
}
