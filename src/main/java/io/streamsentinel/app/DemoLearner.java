package io.streamsentinel.app;

import io.streamsentinel.generator.LabelFeed;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.learning.ClassCounts;
import io.streamsentinel.learning.HoldoutReport;
import io.streamsentinel.learning.ModelTrainer;
import io.streamsentinel.learning.ModelTraining;
import io.streamsentinel.learning.NotEnoughLabelsException;
import io.streamsentinel.learning.TrainingSetReader;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.ModelStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's learning loop: once enough labels have come back on {@code fraud-feedback}, it trains
 * a first model on the detector's logged decisions, and promotes it when it ranks the holdout
 * better than the rules, so the running detector switches to it. One model per demo; a registry
 * that already has a champion (a demo run again on its old data) is left as it is. Training runs on
 * one native thread, beside the pipeline on the same cores.
 */
public final class DemoLearner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLearner.class);

  /** Label records on {@code fraud-feedback} before the first attempt. */
  static final long LABELS_BEFORE_FIRST_TRY = 400;

  /** Labels come within a simulated day: older unlabelled decisions are legitimate. */
  static final Duration MATURITY = LabelFeed.Policy.defaults().latest();

  /**
   * Legitimate examples per fraud before training: until enough decisions have matured, the
   * labelled set holds far more fraud than the traffic, and a model trained on it would alert on
   * too much.
   */
  static final long LEGITIMATE_PER_FRAUD = 20;

  private static final Duration EVERY = Duration.ofSeconds(20);

  private final ClientConfigFactory clients;
  private final double alertThreshold;
  private final Consumer<String> say;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-learner");
            t.setDaemon(true);
            return t;
          });
  private volatile String state = "waiting for labels";
  private volatile boolean done;

  /**
   * @param say where a line for the operator goes when a model is trained or promoted
   */
  public DemoLearner(ClientConfigFactory clients, double alertThreshold, Consumer<String> say) {
    this.clients = clients;
    this.alertThreshold = alertThreshold;
    this.say = say;
  }

  public DemoLearner start() {
    timer.scheduleWithFixedDelay(
        this::tryOnce, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** What the learner is doing, for the status line. */
  public String state() {
    return state;
  }

  /** One attempt: what the timer runs every 20 s. */
  void tryOnce() {
    if (done) {
      return;
    }
    try {
      ModelRegistry registry = new ModelRegistry(clients, Clock.systemUTC());
      if (registry.list().stream().anyMatch(v -> v.status() == ModelStatus.CHAMPION)) {
        state = "a champion model is in force";
        done = true;
        return;
      }
      long labels = labelRecords();
      if (labels < LABELS_BEFORE_FIRST_TRY) {
        state =
            String.format(
                Locale.ROOT, "waiting for labels (%,d of %,d)", labels, LABELS_BEFORE_FIRST_TRY);
        return;
      }
      state = "training";
      ModelTraining training =
          new ModelTraining(
              new TrainingSetReader(clients),
              new ModelTrainer(new ModelTrainer.Settings(100, 5, 0.2, 42, 1), alertThreshold),
              registry);
      TrainingSetReader.Result read = training.read(null, null, MATURITY, (topic, n) -> {});
      ClassCounts counts = read.set().counts();
      if (counts.legit() < LEGITIMATE_PER_FRAUD * counts.fraud()) {
        state =
            String.format(
                Locale.ROOT,
                "waiting for decisions to mature (%,d fraud, %,d legitimate labelled)",
                counts.fraud(),
                counts.legit());
        return;
      }
      ModelTraining.Outcome outcome = training.train(read, (done, total) -> {});
      HoldoutReport r = outcome.model().report();
      String version = outcome.registered().version();
      String figures =
          String.format(
              Locale.ROOT,
              "holdout ROC AUC %.4f vs rules %.4f, PR-AUC %.4f vs %.4f, %,d labelled decisions",
              r.model().rocAuc(),
              r.rules().rocAuc(),
              r.model().prAuc(),
              r.rules().prAuc(),
              r.training().total() + r.holdout().total());
      if (r.modelBeatsRules()) {
        registry.promote(version);
        state = "model " + version + " in force";
        done = true;
        say.accept("Learning: model " + version + " trained and promoted (" + figures + ")");
      } else {
        state = "model " + version + " did not beat the rules; waiting for more labels";
        say.accept("Learning: model " + version + " kept as a candidate (" + figures + ")");
      }
    } catch (NotEnoughLabelsException e) {
      state = "waiting for labels: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      state = "training failed: " + e.getMessage();
      LOG.warn("Demo training failed; trying again later", e);
    }
  }

  private long labelRecords() throws InterruptedException {
    try (Admin admin = Admin.create(clients.admin(ClientCatalog.READER).toProperties())) {
      return TopicOffsets.endOffsetSum(admin, List.of(TopicCatalog.FRAUD_FEEDBACK));
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(30, TimeUnit.SECONDS);
  }
}
