package io.streamsentinel.kafka;

import io.streamsentinel.runtime.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalog's topics, idempotently, and checks the ones that already exist against it. A
 * topic whose partition count or cleanup policy differs is reported as a mismatch, never silently
 * accepted: keys would hash to other partitions, or a compacted topic would lose history.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
  private static final Duration LEADER_CHECK = Duration.ofMillis(100);

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /**
   * What {@link #ensure} found and did.
   *
   * @param notAllowed topics this Kafka user may neither see nor create (on a secure cluster a
   *     component sees only its own)
   * @param codecs existing topics whose {@code compression.type} differs from the catalog's (e.g.
   *     created by an earlier build): not an error, but the broker decompresses and recompresses
   *     every batch a producer sends there in the catalog's codec
   */
  public record Report(
      List<String> created,
      List<String> alreadyPresent,
      List<Mismatch> mismatches,
      List<String> notAllowed,
      List<Mismatch> codecs) {
    public boolean ok() {
      return mismatches.isEmpty();
    }

    /**
     * @return this report, when the cluster matches the catalog
     * @throws TopicMismatchException naming every difference otherwise
     */
    public Report requireMatch() {
      if (!ok()) {
        throw new TopicMismatchException(mismatches);
      }
      return this;
    }
  }

  /** An existing topic that differs from the catalog in one setting. */
  public record Mismatch(String topic, String setting, String expected, String actual) {
    @Override
    public String toString() {
      return topic + ": " + setting + " is " + actual + " but the catalog says " + expected;
    }
  }

  /**
   * Creates missing topics with replication factor {@code min(3, brokers)} and checks the existing
   * ones.
   */
  public Report ensure(TopicCatalog catalog) throws InterruptedException {
    short rf = TopicSpec.replicationFactor(brokerCount());
    Set<String> existing =
        AdminCalls.call("cannot list topics", () -> admin.listTopics().names().get());
    List<String> created = new ArrayList<>();
    List<String> present = new ArrayList<>();
    List<String> notAllowed = new ArrayList<>();
    for (TopicSpec spec : catalog.topics()) {
      if (existing.contains(spec.name())) {
        present.add(spec.name());
      } else {
        switch (create(spec, rf)) {
          case CREATED -> created.add(spec.name());
          case EXISTS -> present.add(spec.name());
          case NOT_ALLOWED -> notAllowed.add(spec.name());
        }
      }
    }
    if (!notAllowed.isEmpty()) {
      // On a secure cluster a component sees only its own topics; the operator creates the rest.
      log.info("Not visible to this Kafka user and not created: {}", notAllowed);
    }
    awaitLeaders(created);
    List<Mismatch> mismatches = new ArrayList<>();
    List<Mismatch> codecs = new ArrayList<>();
    check(catalog, present, mismatches, codecs);
    mismatches.forEach(m -> log.warn("Topic mismatch: {}", m));
    codecs.forEach(m -> log.warn("{}", codecAdvice(m)));
    return new Report(created, present, mismatches, notAllowed, codecs);
  }

  /** The cluster's broker count, which fixes the replication factor. */
  public int brokerCount() throws InterruptedException {
    return AdminCalls.call(
            "cannot describe the cluster", () -> admin.describeCluster().nodes().get())
        .size();
  }

  /** Partitions, leaders and replicas of the named topics. */
  public Map<String, TopicDescription> describe(Collection<String> names)
      throws InterruptedException {
    return AdminCalls.call(
        "cannot describe topics " + names, () -> admin.describeTopics(names).allTopicNames().get());
  }

  /** The effective configs (with their sources) of the named topics. */
  public Map<ConfigResource, Config> configs(Collection<String> names) throws InterruptedException {
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    return AdminCalls.call(
        "cannot describe configs of " + names, () -> admin.describeConfigs(resources).all().get());
  }

  /**
   * Waits until every partition of the given topics has a leader that answers for it, so the caller
   * can write to them at once: a producer that starts while a new partition's leader is still
   * taking over gets NOT_LEADER_OR_FOLLOWER on its first batches, and an idempotent one may then
   * see its retried first batch refused as out of sequence.
   */
  public void awaitLeaders(Collection<String> topics) throws InterruptedException {
    // The controller elects leaders within milliseconds; poll gently.
    if (!topics.isEmpty() && !Await.until(() -> haveLeaders(topics), LEADER_WAIT, LEADER_CHECK)) {
      throw new KafkaAdminException(
          "topics " + topics + " have no leader after " + LEADER_WAIT, null);
    }
  }

  /** Whether every partition of the topics has a leader, and the leaders answer. */
  private boolean haveLeaders(Collection<String> topics) throws InterruptedException {
    Map<String, TopicDescription> described = describe(topics);
    boolean elected =
        described.values().stream()
            .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null));
    return elected && leadersAnswer(described);
  }

  /** Whether every partition's leader answers an offset request for it. */
  private boolean leadersAnswer(Map<String, TopicDescription> described)
      throws InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    described.forEach(
        (name, d) ->
            d.partitions()
                .forEach(
                    p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    try {
      admin.listOffsets(latest).all().get();
      return true;
    } catch (ExecutionException e) {
      log.debug("partition leaders not ready yet: {}", e.getCause().toString());
      return false;
    }
  }

  private enum Creation {
    CREATED,
    EXISTS,
    NOT_ALLOWED
  }

  private Creation create(TopicSpec spec, short rf) throws InterruptedException {
    NewTopic topic = new NewTopic(spec.name(), spec.partitions(), rf).configs(spec.configs(rf));
    try {
      admin.createTopics(List.of(topic)).all().get();
      log.info("Created topic {} ({} partitions, RF {})", spec.name(), spec.partitions(), rf);
      return Creation.CREATED;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        // Another process created it between our list and create: check it like any other.
        return Creation.EXISTS;
      }
      if (e.getCause() instanceof TopicAuthorizationException) {
        return Creation.NOT_ALLOWED;
      }
      throw new KafkaAdminException(
          "cannot create topic " + spec.name() + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * What a codec difference costs and how to end it, for the log and {@code sentinel topics
   * create}.
   */
  public static String codecAdvice(Mismatch m) {
    String cost =
        m.expected().equals("producer")
            ? ": the broker recompresses every batch not sent in " + m.actual()
            : ": the broker recompresses every batch sent in " + m.expected();
    return m
        + cost
        + " (kafka-configs.sh --alter --entity-type topics --entity-name "
        + m.topic()
        + " --add-config compression.type="
        + m.expected()
        + " ends it for new batches)";
  }

  /** Fills {@code mismatches} (partitions, cleanup policy) and {@code codecs}. */
  private void check(
      TopicCatalog catalog, List<String> present, List<Mismatch> mismatches, List<Mismatch> codecs)
      throws InterruptedException {
    if (present.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> descriptions = describe(present);
    Map<ConfigResource, Config> configs;
    try {
      configs = configs(present);
    } catch (KafkaAdminException e) {
      if (!(e.getCause() instanceof TopicAuthorizationException)) {
        throw e;
      }
      // A component's user may read its topics but not their configs: partitions still count.
      log.info("Topic configs not visible to this Kafka user; checking partitions only");
      configs = Map.of();
    }
    Map<String, Config> byName =
        configs.entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    for (String name : present) {
      TopicSpec spec = catalog.topic(name);
      int partitions = descriptions.get(name).partitions().size();
      if (partitions != spec.partitions()) {
        mismatches.add(
            new Mismatch(
                name, "partitions", String.valueOf(spec.partitions()), String.valueOf(partitions)));
      }
      Config config = byName.get(name);
      if (config == null) {
        continue;
      }
      String policy = config.get("cleanup.policy").value();
      if (!sameCleanupPolicy(spec.cleanupPolicy(), policy)) {
        mismatches.add(new Mismatch(name, "cleanup.policy", spec.cleanupPolicy(), policy));
      }
      String codec = config.get("compression.type").value();
      String expected = spec.compressionConfig();
      if (!expected.equals(codec)) {
        codecs.add(new Mismatch(name, "compression.type", expected, codec));
      }
    }
  }

  private static boolean sameCleanupPolicy(String expected, String actual) {
    return actual != null && asSet(expected).equals(asSet(actual));
  }

  private static Set<String> asSet(String policy) {
    return Set.of(policy.replace(" ", "").split(","));
  }
}
