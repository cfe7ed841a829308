package io.streamsentinel.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.registry.ModelLoader;
import io.streamsentinel.registry.ModelRegistry;
import io.streamsentinel.registry.ModelStatus;
import io.streamsentinel.registry.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model train} as a service: read the point-in-time training set from Kafka, train on its
 * earlier part, judge on the later, register the model as a candidate.
 */
public final class ModelTraining {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Told of reading and of boosting rounds. */
  public interface Progress extends TrainingSetReader.Progress, ModelTrainer.Progress {}

  /**
   * What a run did.
   *
   * @param read the set read, with what could not be used
   * @param model what was trained
   * @param registered the version registered, as it stands after the gate
   * @param gate the champion/challenger decision; null when none was asked for
   */
  public record Outcome(
      TrainingSetReader.Result read,
      TrainedModel model,
      ModelVersion registered,
      PromotionGate.Decision gate) {

    /** An outcome without the champion/challenger gate. */
    public Outcome(TrainingSetReader.Result read, TrainedModel model, ModelVersion registered) {
      this(read, model, registered, null);
    }
  }

  private final TrainingSetReader reader;
  private final ModelTrainer trainer;
  private final ModelRegistry registry;

  public ModelTraining(TrainingSetReader reader, ModelTrainer trainer, ModelRegistry registry) {
    this.reader = reader;
    this.trainer = trainer;
    this.registry = registry;
  }

  /**
   * Reads, trains and registers.
   *
   * @param since keep decisions at or after this event time; null for all
   * @param until keep decisions before this event time; null for all
   * @param maturity take unlabelled decisions this much older than the newest label as legitimate;
   *     null to train on labelled decisions only
   * @throws NotEnoughLabelsException naming the counts; nothing is registered
   */
  public Outcome run(Instant since, Instant until, Duration maturity, Progress progress)
      throws NotEnoughLabelsException {
    return train(read(since, until, maturity, progress), progress);
  }

  /** The first half of {@link #run}: reads the training set. */
  public TrainingSetReader.Result read(
      Instant since, Instant until, Duration maturity, TrainingSetReader.Progress progress) {
    TrainingSet.Builder builder = TrainingSet.builder();
    if (maturity != null) {
      builder.assumeLegitimateAfter(maturity);
    }
    if (since != null) {
      builder.since(since);
    }
    if (until != null) {
      builder.until(until);
    }
    return reader.read(builder, progress);
  }

  /** The second half of {@link #run}: trains on what was read and registers the model. */
  public Outcome train(TrainingSetReader.Result read, ModelTrainer.Progress progress)
      throws NotEnoughLabelsException {
    TrainedModel model = trainer.train(read.set(), ModelInputs.standard(), progress);
    ModelVersion registered = registry.register(registration(read.set(), model, null));
    return new Outcome(read, model, registered);
  }

  /**
   * As {@link #train}, then the champion/challenger gate ({@link PromotionGate}): the candidate is
   * judged against the champion (or the rules) on its own holdout, the decision and its figures are
   * kept with the candidate in the registry, and it is promoted when it passes.
   */
  public Outcome trainAndGate(TrainingSetReader.Result read, ModelTrainer.Progress progress)
      throws NotEnoughLabelsException {
    TrainedModel model = trainer.train(read.set(), ModelInputs.standard(), progress);
    ScoringModel champion =
        registry.list().stream()
            .filter(v -> v.status() == ModelStatus.CHAMPION)
            .reduce((a, b) -> b)
            .map(ModelLoader::load)
            .orElse(null);
    PromotionGate.Decision gate = PromotionGate.judge(read.set(), model, champion);
    ModelVersion registered = registry.register(registration(read.set(), model, gate));
    if (gate.promote()) {
      registered = registry.promote(registered.version());
    }
    return new Outcome(read, model, registered, gate);
  }

  private static Map<String, Object> holdout(HoldoutReport report, PromotionGate.Decision gate) {
    Map<String, Object> m = new LinkedHashMap<>(Json.mapper().convertValue(report, MAP));
    if (gate != null) {
      m.put("promotion_decision", gate.toMap());
    }
    return m;
  }

  static ModelRegistry.Registration registration(
      TrainingSet set, TrainedModel model, PromotionGate.Decision gate) {
    HoldoutReport report = model.report();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("training_fraud", report.training().fraud());
    counts.put("training_legit", report.training().legit());
    counts.put("holdout_fraud", report.holdout().fraud());
    counts.put("holdout_legit", report.holdout().legit());
    List<TrainingExample> training = set.examples().subList(0, (int) report.training().total());
    return new ModelRegistry.Registration(
        model.bytes(),
        model.library(),
        model.inputs().names(),
        training.isEmpty() ? null : training.get(0).eventTime(),
        training.isEmpty() ? null : training.get(training.size() - 1).eventTime(),
        counts,
        holdout(report, gate),
        model.parameters(),
        model.reference());
  }
}
