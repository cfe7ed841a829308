package io.streamsentinel.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.detection.ModelSource;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code fraud-models} on a thread of its own and holds the champion the detector scores
 * with: the newest record whose status is champion. A new champion is loaded and checked (checksum,
 * format, schema) off the stream thread, then swapped in with one volatile write, so the stream
 * threads pick it up between two records. A version that fails to load is refused with a log line
 * and the previous champion stays. When no version is champion any more, the rules score alone.
 */
public final class ChampionWatcher implements ModelSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChampionWatcher.class);

  private final RegistryFollower<ModelVersion> follower;
  private final Counter loads;
  private final Counter refusals;
  private final Set<String> refused = new HashSet<>();
  private volatile ScoringModel current;
  private volatile ModelVersion champion;
  private volatile ScoringModel shadow;

  /**
   * @param metrics where the version gauge ({@code sentinel.model.version}: the champion's number,
   *     0 for none) and the load and refusal counters go
   */
  public ChampionWatcher(ClientConfigFactory clients, MeterRegistry metrics) {
    this.loads = Counter.builder("sentinel.model.loads").register(metrics);
    this.refusals = Counter.builder("sentinel.model.refused").register(metrics);
    Gauge.builder("sentinel.model.version", this, ChampionWatcher::versionNumber)
        .description("number of the champion model in force; 0 while the rules score alone")
        .register(metrics);
    this.follower =
        new RegistryFollower<>(
            clients,
            ClientCatalog.MODEL_WATCHER,
            TopicCatalog.FRAUD_MODELS,
            ModelRecordCodec::decode,
            ModelVersion::version,
            refusals);
  }

  /** Starts following the registry. */
  public ChampionWatcher start() {
    follower.start(this::follow);
    return this;
  }

  /**
   * Waits until the registry has been read up to its end once, so a detector starts with the
   * champion in force rather than a few records of rules alone.
   *
   * @return whether it caught up within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  @Override
  public ScoringModel current() {
    return current;
  }

  /** The champion in force as registered (its metadata and holdout figures), or null. */
  public ModelVersion champion() {
    return champion;
  }

  /** The champion's version, or null while there is none. */
  public String currentVersion() {
    ScoringModel model = current;
    return model == null ? null : model.version();
  }

  private double versionNumber() {
    String version = currentVersion();
    return version == null ? 0 : Math.max(0, ModelVersion.number(version));
  }

  /** Loads the newest champion and shadow if they are not the ones in force. */
  private void follow() {
    followChampion(follower.newest(v -> v.status() == ModelStatus.CHAMPION));
    followShadow(follower.newest(v -> v.status() == ModelStatus.SHADOW));
  }

  private void followChampion(ModelVersion champion) {
    ScoringModel inForce = current;
    if (champion == null) {
      if (inForce != null) {
        LOG.info("No champion model any more; the rules score alone from now on");
        current = null;
        this.champion = null;
      }
      return;
    }
    if (inForce != null && inForce.version().equals(champion.version())) {
      return;
    }
    ScoringModel loaded = load(champion, "champion");
    if (loaded != null) {
      current = loaded;
      this.champion = champion;
      loads.increment();
      LOG.info(
          "Model {} in force ({} trees, {} inputs); it was {}",
          loaded.version(),
          loaded.trees().treeCount(),
          loaded.inputs().size(),
          inForce == null ? "the rules alone" : inForce.version());
    } else {
      LOG.error(
          "{} stays in force", inForce == null ? "The rules alone" : "Model " + inForce.version());
    }
  }

  private void followShadow(ModelVersion wanted) {
    ScoringModel running = shadow;
    if (wanted == null) {
      if (running != null) {
        LOG.info("Shadow model {} stopped", running.version());
        shadow = null;
      }
      return;
    }
    if (running != null && running.version().equals(wanted.version())) {
      return;
    }
    ScoringModel loaded = load(wanted, "shadow");
    if (loaded != null) {
      shadow = loaded;
      LOG.info("Shadow model {} scores beside the champion; it never alerts", loaded.version());
    }
  }

  /** Loads a version, or says once why it is refused and returns null. */
  private ScoringModel load(ModelVersion v, String role) {
    if (refused.contains(v.sha256())) {
      return null;
    }
    try {
      return ModelLoader.load(v);
    } catch (IllegalArgumentException e) {
      refused.add(v.sha256());
      refusals.increment();
      LOG.error("Refused {} {}: {}", role, v.version(), e.getMessage());
      return null;
    }
  }

  @Override
  public ScoringModel shadow() {
    return shadow;
  }

  /** Stops following; the model in force stays readable. */
  @Override
  public void close() {
    follower.close();
  }
}
