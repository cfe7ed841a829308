package io.streamsentinel.streaming;

import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.GroupInput;
import io.streamsentinel.kafka.KafkaAdminException;
import io.streamsentinel.kafka.StateIdentity;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicProvisioner;
import io.streamsentinel.kafka.TopicSpec;
import io.streamsentinel.registry.ChampionWatcher;
import io.streamsentinel.registry.RuleSetWatcher;
import io.streamsentinel.registry.SnoozeWatcher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector as a running Kafka Streams application. Several instances with the same application
 * id share the input partitions through Kafka's own group rebalancing; nothing here coordinates
 * them.
 */
public final class DetectorService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DetectorService.class);

  private final KafkaStreams streams;
  private final DetectorCounters counters;
  private final GroupInput input;
  private final ClientMetrics.Binding clientMetrics;
  private final ChampionWatcher models;
  private final RuleSetWatcher rules;
  private final SnoozeWatcher snoozes;
  private final String configuredRules;
  private final DriftMonitor drift;
  private volatile Throwable failure;

  /** How long a starting detector waits to read the model registry before it scores. */
  private static final Duration REGISTRY_WAIT = Duration.ofSeconds(30);

  /** A detector whose metrics no registry exports. */
  public DetectorService(ClientConfig streamsConfig, DetectorSettings settings) {
    this(streamsConfig, settings, ClientMetrics.none());
  }

  /**
   * A detector whose counters and Kafka Streams metrics are meters of {@code metrics}.
   *
   * @param metrics the process's metrics, or {@link ClientMetrics#none()}
   */
  public DetectorService(
      ClientConfig streamsConfig, DetectorSettings settings, ClientMetrics metrics) {
    this(streamsConfig, settings, metrics, null);
  }

  /**
   * A detector that follows the champion model on {@code fraud-models} (see {@link
   * ChampionWatcher}), the rule set in force on {@code fraud-rules} (see {@link RuleSetWatcher})
   * and the operators' snoozes on {@code fraud-rule-snoozes} (see {@link SnoozeWatcher}): it reads
   * all three before it scores, and switches to a newly promoted model, published rule set or
   * changed snooze between two records.
   *
   * @param registry the clients to read the registries with; null scores with {@code settings}'s
   *     rules and models (the rules alone by default)
   */
  public DetectorService(
      ClientConfig streamsConfig,
      DetectorSettings settings,
      ClientMetrics metrics,
      ClientConfigFactory registry) {
    this.configuredRules = settings.rules().version();
    this.models = registry == null ? null : new ChampionWatcher(registry, metrics.registry());
    this.rules =
        registry == null
            ? null
            : new RuleSetWatcher(registry, settings.rules(), metrics.registry());
    this.snoozes =
        registry == null
            ? null
            : new SnoozeWatcher(registry, metrics.registry(), Clock.systemUTC());
    if (models != null) {
      settings = settings.withModels(models).withRules(rules).withSnoozes(snoozes);
    }
    this.counters = new DetectorCounters(metrics.registry());
    this.drift =
        models == null
            ? DriftMonitor.disabled()
            : new DriftMonitor(
                models::champion, settings.drift(), metrics.registry(), Clock.systemUTC());
    Topology topology = FraudTopology.build(settings, counters, drift);
    log.info("Detection topology (rules {}):\n{}", settings.rules().version(), topology.describe());
    Properties props = new Properties();
    props.putAll(streamsConfig.toProperties());
    adaptToCluster(props);
    this.input =
        GroupInput.of(
            props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), DetectorSettings.INPUT_TOPIC);
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          // Bad input never gets here (it goes to the DLQ); what does is a bug or a broken cluster.
          log.error("Detector failed; shutting it down", e);
          failure = e;
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    this.clientMetrics = metrics.bind(streams);
  }

  /**
   * Ties the Streams configuration to the cluster it runs on. The state directory becomes the
   * configured one's subdirectory for this cluster, wiped when the source topics were created again
   * since its state was built (see {@link StateIdentity}). The internal topics (changelogs) get the
   * catalog's replication factor for this cluster's size, {@code min(3, brokers)}, and its minimum
   * in-sync count, unless {@code replication.factor} was set explicitly: left to Streams, they
   * would get the broker's default, one copy on most clusters.
   */
  private static void adaptToCluster(Properties props) {
    Path base = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG));
    Map<String, Object> admin = new StreamsConfig(props).getAdminConfigs("sentinel-state-check");
    try (Admin client = Admin.create(admin)) {
      Path dir =
          StateIdentity.resolve(
              client,
              base,
              List.of(DetectorSettings.INPUT_TOPIC, DetectorSettings.ACCOUNT_STATUS_TOPIC));
      log.info("Local state in {}", dir);
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
      if (!props.containsKey(StreamsConfig.REPLICATION_FACTOR_CONFIG)) {
        short rf = TopicSpec.replicationFactor(new TopicProvisioner(client).brokerCount());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf);
        props.put(
            StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
            String.valueOf(TopicSpec.minInsyncReplicas(rf)));
        log.info("Internal topics: replication factor {}", rf);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaAdminException("interrupted while describing the cluster", e);
    }
  }

  /** What is left until {@code deadline} (a {@link System#nanoTime} value), at least nothing. */
  private static Duration untilDeadline(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  public DetectorService start() {
    if (models != null) {
      models.start();
      rules.start();
      snoozes.start();
      try {
        // One deadline for the three, and each waited for: a slow one must not skip the others.
        long deadline = System.nanoTime() + REGISTRY_WAIT.toNanos();
        List<String> unread = new ArrayList<>();
        if (!models.awaitCaughtUp(untilDeadline(deadline))) {
          unread.add(TopicCatalog.FRAUD_MODELS);
        }
        if (!rules.awaitCaughtUp(untilDeadline(deadline))) {
          unread.add(TopicCatalog.FRAUD_RULES);
        }
        if (!snoozes.awaitCaughtUp(untilDeadline(deadline))) {
          unread.add(TopicCatalog.FRAUD_RULE_SNOOZES);
        }
        if (!unread.isEmpty()) {
          log.warn("{} not read within {}; scoring starts anyway", unread, REGISTRY_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String version = models.currentVersion();
      log.info(
          "Scoring with rules {} and {}; {} rule snoozes held",
          rules.currentVersion(),
          version == null ? "no champion model" : "model " + version,
          snoozes.current().all().size());
    }
    streams.start();
    return this;
  }

  /** The version of the rules in force. */
  public String ruleSetVersion() {
    return rules == null ? configuredRules : rules.currentVersion();
  }

  /** The version of the shadow rule set, or null while none runs. */
  public String shadowRuleSetVersion() {
    FraudDetector shadow = rules == null ? null : rules.shadow();
    return shadow == null ? null : shadow.scorer().ruleSet().version();
  }

  /** The champion model's version in force, or null while the rules score alone. */
  public String modelVersion() {
    return models == null ? null : models.currentVersion();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Whether it is processing or (re)balancing, as opposed to stopped or failed. */
  public boolean isAlive() {
    return streams.state().isRunningOrRebalancing()
        || streams.state() == KafkaStreams.State.CREATED;
  }

  /** Its group (the application id) and input, for lag and draining. */
  public GroupInput input() {
    return input;
  }

  /** The error that stopped it, or null. */
  public Throwable failure() {
    return failure;
  }

  public DetectorCounters counters() {
    return counters;
  }

  /** The champion model's drift as this instance sees it (its partitions). */
  public DriftMonitor drift() {
    return drift;
  }

  /** The underlying client, for interactive queries and metrics. */
  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Stops processing, committing what was processed; leaves the group so partitions move at once.
   */
  @Override
  public void close() {
    boolean closed =
        streams.close(
            CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    log.info("Detector {}", closed ? "stopped" : "did not stop within 30 s");
    if (models != null) {
      models.close();
      rules.close();
      snoozes.close();
    }
    clientMetrics.close();
  }
}
