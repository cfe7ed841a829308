package io.streamsentinel.learning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.registry.ModelRegistry;
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
   * @param registered the version registered
   */
  public record Outcome(
      TrainingSetReader.Result read, TrainedModel model, ModelVersion registered) {}

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
    ModelVersion registered = registry.register(registration(read.set(), model));
    return new Outcome(read, model, registered);
  }

  static ModelRegistry.Registration registration(TrainingSet set, TrainedModel model) {
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
        Json.mapper().convertValue(report, MAP),
        model.parameters());
  }
}
