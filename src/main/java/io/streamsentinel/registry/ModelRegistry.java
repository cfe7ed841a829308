package io.streamsentinel.registry;

import io.streamsentinel.detection.SeverityScale;
import io.streamsentinel.detection.drift.DriftReference;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry on {@code fraud-models}: one record per change, keyed by version, so compaction
 * keeps each version's latest state. Reading replays the topic; writing sends and waits for the
 * acknowledgement. Two registrations at the same moment could pick the same number; training is an
 * operator's step, not a concurrent service.
 */
public final class ModelRegistry {

  /** The version {@code promote latest} means: the newest registered. */
  public static final String LATEST = "latest";

  private final RegistryTopic<ModelVersion> topic;
  private final Clock clock;

  public ModelRegistry(ClientConfigFactory clients, Clock clock) {
    this.topic =
        new RegistryTopic<>(
            clients,
            TopicCatalog.FRAUD_MODELS,
            ClientCatalog.MODELS,
            ClientCatalog::modelTransaction,
            TopicCatalog.MODEL_RECORD_BYTES,
            ModelRecordCodec::decode,
            ModelVersion::version,
            ModelRecordCodec::encode);
    this.clock = clock;
  }

  /**
   * A version as training hands it over, before it has a number.
   *
   * @param reference the drift monitor's reference; null for none
   */
  public record Registration(
      byte[] model,
      String library,
      List<String> inputs,
      Instant trainedFrom,
      Instant trainedUntil,
      Map<String, Long> labelCounts,
      Map<String, Object> holdout,
      Map<String, Object> parameters,
      DriftReference reference) {

    /** A registration without a drift reference. */
    public Registration(
        byte[] model,
        String library,
        List<String> inputs,
        Instant trainedFrom,
        Instant trainedUntil,
        Map<String, Long> labelCounts,
        Map<String, Object> holdout,
        Map<String, Object> parameters) {
      this(
          model,
          library,
          inputs,
          trainedFrom,
          trainedUntil,
          labelCounts,
          holdout,
          parameters,
          null);
    }
  }

  /** Every version, oldest first; records that are not versions are logged and skipped. */
  public List<ModelVersion> list() {
    List<ModelVersion> all = topic.latest();
    all.sort(Comparator.comparingLong((ModelVersion v) -> ModelVersion.number(v.version())));
    return all;
  }

  /**
   * The version named, or {@link #LATEST} for the newest.
   *
   * @throws IllegalArgumentException naming the version and the known ones when there is none
   */
  public ModelVersion find(String version) {
    return find(list(), version);
  }

  /** As {@link #find(String)}, in versions already read: a change reads the registry once. */
  private static ModelVersion find(List<ModelVersion> all, String version) {
    Optional<ModelVersion> found =
        LATEST.equals(version)
            ? all.stream().reduce((a, b) -> b)
            : all.stream().filter(v -> v.version().equals(version)).findFirst();
    return found.orElseThrow(
        () ->
            new IllegalArgumentException(
                all.isEmpty()
                    ? "no model is registered yet; train one with `sentinel model train`"
                    : "no model version '"
                        + version
                        + "'; registered: "
                        + all.stream().map(ModelVersion::version).toList()));
  }

  /** Registers a new version as a candidate and returns it. */
  public ModelVersion register(Registration r) {
    long next = list().stream().mapToLong(v -> ModelVersion.number(v.version())).max().orElse(0);
    Instant now = clock.instant();
    ModelVersion v =
        new ModelVersion(
            "v" + (next + 1),
            ModelStatus.CANDIDATE,
            now,
            now,
            ModelRecordCodec.sha256(r.model()),
            r.library(),
            ModelVersion.XGBOOST_JSON,
            r.inputs(),
            r.trainedFrom(),
            r.trainedUntil(),
            r.labelCounts(),
            r.holdout(),
            r.parameters(),
            r.model(),
            null,
            r.reference());
    ModelLoader.load(v); // never register what a detector could not load
    write(List.of(v));
    return v;
  }

  /**
   * Makes {@code version} (or {@link #LATEST}) the champion; the former champion becomes archived,
   * in the same transaction. The new champion is written first: a detector follows the newest
   * champion record.
   *
   * @return the new champion
   * @throws IllegalArgumentException when there is no such version or it cannot be loaded
   */
  public ModelVersion promote(String version) {
    return promote(version, null);
  }

  /**
   * As {@link #promote(String)}, with the severity tiers its scores are graded by.
   *
   * @param severities null keeps the version's own (the standard ones unless set before)
   */
  public ModelVersion promote(String version, SeverityScale severities) {
    List<ModelVersion> all = list();
    ModelVersion target = find(all, version);
    Instant now = clock.instant();
    ModelVersion champion =
        target.with(
            ModelStatus.CHAMPION, now, severities == null ? target.severities() : severities);
    ModelLoader.load(champion);
    List<ModelVersion> changes = new ArrayList<>();
    changes.add(champion);
    for (ModelVersion v : all) {
      if (v.status() == ModelStatus.CHAMPION && !v.version().equals(target.version())) {
        changes.add(v.withStatus(ModelStatus.ARCHIVED, now));
      }
    }
    write(changes);
    return champion;
  }

  /**
   * Runs {@code version} (or {@link #LATEST}) as the shadow: every detector scores it beside the
   * champion and logs its score in the decision; it never alerts or acts. A former shadow goes back
   * to candidate, in the same transaction.
   *
   * @throws IllegalArgumentException when there is no such version, it is the champion, or it
   *     cannot be loaded
   */
  public ModelVersion shadow(String version) {
    List<ModelVersion> all = list();
    ModelVersion target = find(all, version);
    if (target.status() == ModelStatus.CHAMPION) {
      throw new IllegalArgumentException(
          target.version() + " is the champion; it cannot also be its shadow");
    }
    ModelLoader.load(target);
    Instant now = clock.instant();
    ModelVersion shadow = target.withStatus(ModelStatus.SHADOW, now);
    List<ModelVersion> changes = new ArrayList<>();
    changes.add(shadow);
    for (ModelVersion v : all) {
      if (v.status() == ModelStatus.SHADOW && !v.version().equals(target.version())) {
        changes.add(v.withStatus(ModelStatus.CANDIDATE, now));
      }
    }
    write(changes);
    return shadow;
  }

  /**
   * Stops the shadow: it goes back to candidate.
   *
   * @return the former shadow, or null when none ran
   */
  public ModelVersion stopShadow() {
    Instant now = clock.instant();
    List<ModelVersion> changes =
        list().stream()
            .filter(v -> v.status() == ModelStatus.SHADOW)
            .map(v -> v.withStatus(ModelStatus.CANDIDATE, now))
            .toList();
    if (changes.isEmpty()) {
      return null;
    }
    write(changes);
    return changes.get(0);
  }

  /**
   * Retires a version. The champion cannot be retired: promote another first, so that detectors are
   * never left without the model an operator expects.
   *
   * @throws IllegalArgumentException when there is no such version or it is the champion
   */
  public ModelVersion retire(String version) {
    ModelVersion target = find(version);
    if (target.status() == ModelStatus.CHAMPION) {
      throw new IllegalArgumentException(
          target.version()
              + " is the champion; promote another version first, then retire this one");
    }
    ModelVersion retired = target.withStatus(ModelStatus.RETIRED, clock.instant());
    write(List.of(retired));
    return retired;
  }

  private void write(List<ModelVersion> versions) {
    topic.write(versions);
  }
}
