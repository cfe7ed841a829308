package io.streamsentinel.kafka;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One Kafka principal per component and the least it may do: the topics it reads and writes, its
 * consumer groups, its transactional ids, and for the detector the Streams internal topics. Every
 * component also writes {@code system-metrics} (its health monitor). {@code sentinel security init}
 * turns this table into SCRAM users and ACLs.
 */
public final class ComponentAccess {

  /** What one component may do. */
  public record Grant(String component, List<AclBinding> bindings) {

    /** The principal, {@code User:<component>}. */
    public String principal() {
      return principalOf(component);
    }
  }

  private static final String ANY = ResourcePattern.WILDCARD_RESOURCE;

  private static final Map<String, Grant> GRANTS = grants();

  private ComponentAccess() {}

  public static String principalOf(String component) {
    return "User:" + component;
  }

  /** The components in the order {@code security init} sets them up. */
  public static List<String> components() {
    return List.copyOf(GRANTS.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the component and the known ones
   */
  public static Grant grant(String component) {
    Grant grant = GRANTS.get(component);
    if (grant == null) {
      throw new IllegalArgumentException(
          "unknown component '" + component + "'; known: " + components());
    }
    return grant;
  }

  /** The topics a component's grant names one by one: those it cannot run without. */
  public static Set<String> topicsOf(String component) {
    Set<String> topics = new TreeSet<>();
    for (AclBinding b : grant(component).bindings()) {
      ResourcePattern p = b.pattern();
      if (p.resourceType() == ResourceType.TOPIC
          && p.patternType() == PatternType.LITERAL
          && !p.name().equals(ANY)) {
        topics.add(p.name());
      }
    }
    return topics;
  }

  private static Map<String, Grant> grants() {
    Map<String, Grant> map = new LinkedHashMap<>();
    map.put(
        "generator",
        new Builder("generator")
            .writes(TopicCatalog.TRANSACTIONS, TopicCatalog.FRAUD_FEEDBACK)
            .build());
    map.put(
        "detector",
        new Builder("detector")
            .reads(
                TopicCatalog.TRANSACTIONS,
                TopicCatalog.ACCOUNT_STATUS,
                TopicCatalog.FRAUD_RULES,
                TopicCatalog.FRAUD_RULE_SNOOZES,
                TopicCatalog.FRAUD_MODELS)
            .writes(
                TopicCatalog.FRAUD_SCORES, TopicCatalog.FRAUD_ALERTS, TopicCatalog.TRANSACTIONS_DLQ)
            .group(ClientCatalog.DETECTOR_GROUP)
            // Kafka Streams' changelog and repartition topics and its transactional ids all start
            // with the application id.
            .allow(
                ResourceType.TOPIC, ClientCatalog.DETECTOR_GROUP + "-", PatternType.PREFIXED, ALL)
            .transactionalIds(ClientCatalog.DETECTOR_GROUP + "-")
            .build());
    map.put(
        "responder",
        new Builder("responder")
            .reads(
                TopicCatalog.FRAUD_ALERTS, TopicCatalog.USER_ACTIONS, TopicCatalog.ACCOUNT_STATUS)
            .writes(
                TopicCatalog.USER_ACTIONS,
                TopicCatalog.ACCOUNT_STATUS,
                TopicCatalog.FRAUD_ALERTS_DLQ)
            .group(ClientCatalog.RESPONDER_GROUP)
            .group(ClientCatalog.NOTIFICATION_GROUP)
            .transactionalIds(ClientCatalog.responder(""))
            .build());
    map.put(
        "sink",
        new Builder("sink")
            .reads(
                TopicCatalog.FRAUD_SCORES,
                TopicCatalog.FRAUD_ALERTS,
                TopicCatalog.USER_ACTIONS,
                TopicCatalog.ACCOUNT_STATUS,
                TopicCatalog.FRAUD_FEEDBACK)
            .writes(TopicCatalog.PERSISTENCE_DLQ, TopicCatalog.FRAUD_FEEDBACK)
            .group(ClientCatalog.PERSISTENCE_GROUP)
            .build());
    map.put(
        "analytics",
        new Builder("analytics")
            .reads(TopicCatalog.FRAUD_SCORES)
            .writes(TopicCatalog.PERSISTENCE_DLQ)
            .group(ClientCatalog.ANALYTICS_GROUP)
            .build());
    map.put(
        "monitoring",
        new Builder("monitoring")
            .reads(
                TopicCatalog.TRANSACTIONS,
                TopicCatalog.FRAUD_SCORES,
                TopicCatalog.FRAUD_ALERTS,
                TopicCatalog.USER_ACTIONS,
                TopicCatalog.SYSTEM_METRICS,
                TopicCatalog.FRAUD_MODELS) // the champion's version and drift on the dashboard
            // Lag: every group's committed offsets and every topic's end offsets.
            .allow(ResourceType.GROUP, ANY, PatternType.LITERAL, DESCRIBE)
            .allow(ResourceType.TOPIC, ANY, PatternType.LITERAL, DESCRIBE)
            .build());
    map.put(
        "operator",
        new Builder("operator")
            // Topics (create, inspect, tune), rule sets and snoozes, models, labels, accounts,
            // reports.
            .allow(
                ResourceType.TOPIC,
                ANY,
                PatternType.LITERAL,
                CREATE,
                DESCRIBE,
                DESCRIBE_CONFIGS,
                ALTER_CONFIGS,
                READ,
                WRITE)
            .allow(ResourceType.GROUP, ANY, PatternType.LITERAL, DESCRIBE, READ)
            // Its own commands' transactions only: a prefix of "sentinel-" would let it fence the
            // responder's.
            .transactionalIds(ClientCatalog.accountTransaction(""))
            .transactionalIds(ClientCatalog.modelTransaction(""))
            .transactionalIds(ClientCatalog.rulesTransaction(""))
            .allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, DESCRIBE)
            .build());
    return map;
  }

  /** Collects one component's bindings. */
  private static final class Builder {
    private final String component;
    private final List<AclBinding> bindings = new ArrayList<>();

    Builder(String component) {
      this.component = component;
      writes(TopicCatalog.SYSTEM_METRICS);
    }

    Builder reads(String... topics) {
      for (String topic : topics) {
        allow(ResourceType.TOPIC, topic, PatternType.LITERAL, READ, DESCRIBE);
      }
      return this;
    }

    Builder writes(String... topics) {
      for (String topic : topics) {
        allow(ResourceType.TOPIC, topic, PatternType.LITERAL, WRITE, DESCRIBE);
      }
      return this;
    }

    Builder group(String group) {
      return allow(ResourceType.GROUP, group, PatternType.LITERAL, READ, DESCRIBE);
    }

    Builder transactionalIds(String prefix) {
      return allow(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, WRITE, DESCRIBE);
    }

    Builder allow(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
      for (AclOperation operation : operations) {
        bindings.add(
            new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(
                    principalOf(component), "*", operation, AclPermissionType.ALLOW)));
      }
      return this;
    }

    Grant build() {
      return new Grant(component, List.copyOf(bindings));
    }
  }
}
