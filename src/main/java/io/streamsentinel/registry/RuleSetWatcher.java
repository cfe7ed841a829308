package io.streamsentinel.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.detection.RuleSource;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code fraud-rules} on a thread of its own and holds the rules the detector scores with:
 * the newest active set, else the rules the detector was started with. A new set is compiled off
 * the stream thread and swapped in with one volatile write, so the stream threads pick it up
 * between two records. A record that is not a valid rule set is refused with a log line and the
 * rules in force stay.
 */
public final class RuleSetWatcher implements RuleSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RuleSetWatcher.class);

  private final RegistryFollower<RuleSetVersion> follower;
  private final FraudDetector configured;
  private final Counter loads;
  private volatile FraudDetector current;
  private volatile String currentSha;
  private volatile FraudDetector shadow;
  private volatile String shadowSha;

  /**
   * @param configured the rules in force while no published set is active
   * @param metrics where the load and refusal counters go ({@code sentinel.rules.loads}, {@code
   *     sentinel.rules.refused})
   */
  public RuleSetWatcher(ClientConfigFactory clients, RuleSet configured, MeterRegistry metrics) {
    this.configured = FraudDetector.of(configured);
    this.current = this.configured;
    this.loads = Counter.builder("sentinel.rules.loads").register(metrics);
    this.follower =
        new RegistryFollower<>(
            clients,
            ClientCatalog.RULE_WATCHER,
            TopicCatalog.FRAUD_RULES,
            RuleSetRecordCodec::decode,
            RuleSetVersion::version,
            Counter.builder("sentinel.rules.refused").register(metrics));
  }

  /** Starts following the published rule sets. */
  public RuleSetWatcher start() {
    follower.start(this::follow);
    return this;
  }

  /**
   * Waits until the published rule sets have been read up to their end once, so a detector starts
   * with the set in force.
   *
   * @return whether it caught up within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  @Override
  public FraudDetector current() {
    return current;
  }

  @Override
  public FraudDetector shadow() {
    return shadow;
  }

  /** The version of the rules in force. */
  public String currentVersion() {
    return current.scorer().ruleSet().version();
  }

  private void follow() {
    RuleSetVersion active = follower.newest(v -> v.status() == RuleSetStatus.ACTIVE);
    FraudDetector before = current;
    if (active == null) {
      if (currentSha != null) {
        current = configured;
        currentSha = null;
        LOG.info(
            "No published rule set is active any more; rules {} as configured score from now on",
            configured.scorer().ruleSet().version());
      }
    } else if (!active.sha256().equals(currentSha)) {
      current = FraudDetector.of(active.rules());
      currentSha = active.sha256();
      loads.increment();
      LOG.info(
          "Rule set {} in force ({} rules); it was {}",
          active.version(),
          active.rules().rules().size(),
          before.scorer().ruleSet().version());
    }
    RuleSetVersion wanted = follower.newest(v -> v.status() == RuleSetStatus.SHADOW);
    FraudDetector running = shadow;
    if (wanted == null) {
      if (running != null) {
        LOG.info("Shadow rule set {} stopped", running.scorer().ruleSet().version());
        shadow = null;
        shadowSha = null;
      }
    } else if (!wanted.sha256().equals(shadowSha)) {
      shadow = FraudDetector.of(wanted.rules());
      shadowSha = wanted.sha256();
      LOG.info(
          "Shadow rule set {} scores beside the rules in force; it never alerts", wanted.version());
    }
  }

  /** Stops following; the rules in force stay readable. */
  @Override
  public void close() {
    follower.close();
  }
}
