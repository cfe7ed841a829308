package io.streamsentinel.kafka;

import java.util.List;

/**
 * The names each component is known by to the cluster: consumer groups (the detector's Kafka
 * Streams application id is its group), client ids and transactional ids. The one place they are
 * spelled, as {@link TopicCatalog} is for topics: lag reports, probes and {@code config show} take
 * them from here.
 */
public final class ClientCatalog {

  /** The detector's Kafka Streams application id: its consumer group and state prefix. */
  public static final String DETECTOR_GROUP = "fraud-detection-group";

  /** The responder's consumer group. */
  public static final String RESPONDER_GROUP = "alert-response-group";

  /** The notifier's consumer group: it delivers the responder's notifications from user-actions. */
  public static final String NOTIFICATION_GROUP = "alert-notification-group";

  /** The persistence sink's consumer group. */
  public static final String PERSISTENCE_GROUP = "persistence-group";

  /** The batch analytics' consumer group. */
  public static final String ANALYTICS_GROUP = "analytics-group";

  /** The system's groups, in the order of the data flow. */
  public static final List<String> GROUPS =
      List.of(
          DETECTOR_GROUP, RESPONDER_GROUP, NOTIFICATION_GROUP, PERSISTENCE_GROUP, ANALYTICS_GROUP);

  public static final String GENERATOR = "sentinel-generator";
  public static final String TOPICS = "sentinel-topics";
  public static final String ANALYTICS = "sentinel-analytics";
  public static final String ANALYTICS_DLQ = "sentinel-analytics-dlq";
  public static final String DASHBOARD = "sentinel-dashboard";
  public static final String READER = "sentinel-reader";
  public static final String LAG = "sentinel-lag";
  public static final String EVALUATE = "sentinel-evaluate";
  public static final String CASES = "sentinel-cases";
  public static final String BENCH = "sentinel-bench";
  public static final String LABELS = "sentinel-labels";
  public static final String MODELS = "sentinel-models";
  public static final String MODEL_WATCHER = "sentinel-model-watcher";
  public static final String RULES = "sentinel-rules";
  public static final String RULE_WATCHER = "sentinel-rule-watcher";
  public static final String SNOOZE_WATCHER = "sentinel-snooze-watcher";
  public static final String SECURITY = "sentinel-security";

  /** The instance id a component runs as when none is given. */
  public static final String DEFAULT_INSTANCE = "1";

  private ClientCatalog() {}

  /**
   * A responder instance's client id, which is also its transactional id: a restarted instance
   * fences its predecessor.
   */
  public static String responder(String instanceId) {
    return "sentinel-responder-" + instanceId;
  }

  /** A persistence sink instance's client id. */
  public static String persistence(String instanceId) {
    return "sentinel-persist-" + instanceId;
  }

  /** The client id of a component's health monitor ("detector", "demo", ...). */
  public static String monitor(String component) {
    return "sentinel-monitor-" + component;
  }

  /**
   * The transactional id of one operator command ({@code account block}): unique per run, so two
   * operators never fence each other.
   */
  public static String accountTransaction(String unique) {
    return "sentinel-account-" + unique;
  }

  /**
   * The transactional id of one registry change ({@code model promote}, ...): unique per change, so
   * two operators never fence each other.
   */
  public static String modelTransaction(String unique) {
    return "sentinel-models-" + unique;
  }

  /**
   * The transactional id of one rule set change ({@code rules publish}, {@code rules snooze}, ...),
   * unique per change.
   */
  public static String rulesTransaction(String unique) {
    return "sentinel-rules-" + unique;
  }

  /** The client id of operator account changes. */
  public static final String ACCOUNT = "sentinel-account";
}
