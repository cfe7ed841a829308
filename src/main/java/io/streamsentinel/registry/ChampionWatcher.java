package io.streamsentinel.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.detection.ModelSource;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
  private static final Duration POLL = Duration.ofMillis(500);
  private static final TopicPartition PARTITION = new TopicPartition(TopicCatalog.FRAUD_MODELS, 0);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Map<String, Long> offsets = new HashMap<>();
  private final Map<String, ModelVersion> versions = new HashMap<>();
  private final Counter loads;
  private final Counter refusals;
  private volatile ScoringModel current;
  private volatile ModelVersion champion;
  private volatile boolean running = true;
  private final Set<String> refused = new HashSet<>();
  private volatile ScoringModel shadow;

  /**
   * @param metrics where the version gauge ({@code sentinel.model.version}: the champion's number,
   *     0 for none) and the load and refusal counters go
   */
  public ChampionWatcher(ClientConfigFactory clients, MeterRegistry metrics) {
    this.consumer = CommittedRecords.reader(clients, ClientCatalog.MODEL_WATCHER);
    this.loads = Counter.builder("sentinel.model.loads").register(metrics);
    this.refusals = Counter.builder("sentinel.model.refused").register(metrics);
    Gauge.builder("sentinel.model.version", this, ChampionWatcher::versionNumber)
        .description("number of the champion model in force; 0 while the rules score alone")
        .register(metrics);
    this.thread = new Thread(this::run, "model-watcher");
    thread.setDaemon(true);
  }

  /** Starts following the registry. */
  public ChampionWatcher start() {
    thread.start();
    return this;
  }

  /**
   * Waits until the registry has been read up to its end once, so a detector starts with the
   * champion in force rather than a few records of rules alone.
   *
   * @return whether it caught up within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

  private void run() {
    try {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
      while (running) {
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          changed |= take(r);
        }
        if (changed) {
          follow();
        }
        if (caughtUp.getCount() > 0 && consumer.position(PARTITION) >= end) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The model watcher stopped; the model in force stays as it is", e);
    } finally {
      caughtUp.countDown();
      consumer.close();
    }
  }

  private boolean take(ConsumerRecord<String, byte[]> r) {
    try {
      ModelVersion v = ModelRecordCodec.decode(r.value());
      versions.put(v.version(), v);
      offsets.put(v.version(), r.offset());
      return true;
    } catch (IllegalArgumentException e) {
      refusals.increment();
      LOG.error(
          "Refused model record {}@{} of {}: {}",
          r.key(),
          r.offset(),
          TopicCatalog.FRAUD_MODELS,
          e.getMessage());
      return false;
    }
  }

  /** Loads the newest champion if it is not the one in force. */
  private void follow() {
    followChampion(newest(ModelStatus.CHAMPION));
    followShadow(newest(ModelStatus.SHADOW));
  }

  /** The newest record with this status, or null. */
  private ModelVersion newest(ModelStatus status) {
    ModelVersion found = null;
    long newest = -1;
    for (ModelVersion v : versions.values()) {
      long offset = offsets.get(v.version());
      if (v.status() == status && offset > newest) {
        found = v;
        newest = offset;
      }
    }
    return found;
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
    running = false;
    if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
