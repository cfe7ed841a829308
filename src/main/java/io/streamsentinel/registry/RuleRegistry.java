package io.streamsentinel.registry;

import io.streamsentinel.detection.RuleSet;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule sets on {@code fraud-rules}: one record per change keyed by the rule set's version, so
 * compaction keeps each version's latest state. At most one set is active (every detector scores
 * with it) and at most one runs as the shadow; a change and the status it takes from another set
 * land in one transaction.
 */
public final class RuleRegistry {

  /** What {@code rules show} takes for the set in force. */
  public static final String ACTIVE = "active";

  private final RegistryTopic<RuleSetVersion> topic;
  private final Clock clock;

  public RuleRegistry(ClientConfigFactory clients, Clock clock) {
    this.topic =
        new RegistryTopic<>(
            clients,
            TopicCatalog.FRAUD_RULES,
            ClientCatalog.RULES,
            ClientCatalog::rulesTransaction,
            0,
            RuleSetRecordCodec::decode,
            RuleSetVersion::version,
            RuleSetRecordCodec::encode);
    this.clock = clock;
  }

  /** Every published set, first published first; records that are not rule sets are skipped. */
  public List<RuleSetVersion> list() {
    List<RuleSetVersion> all = topic.latest();
    all.sort(Comparator.comparing(RuleSetVersion::publishedAt));
    return all;
  }

  /** The set in force, if one was published. */
  public Optional<RuleSetVersion> active() {
    return list().stream().filter(v -> v.status() == RuleSetStatus.ACTIVE).findFirst();
  }

  /**
   * The version named, or {@link #ACTIVE} for the set in force.
   *
   * @throws IllegalArgumentException naming the version and the known ones when there is none
   */
  public RuleSetVersion find(String version) {
    return find(list(), version);
  }

  private static RuleSetVersion find(List<RuleSetVersion> all, String version) {
    Optional<RuleSetVersion> found =
        all.stream()
            .filter(
                v ->
                    ACTIVE.equals(version)
                        ? v.status() == RuleSetStatus.ACTIVE
                        : v.version().equals(version))
            .findFirst();
    return found.orElseThrow(
        () ->
            new IllegalArgumentException(
                all.isEmpty()
                    ? "no rule set is published yet; publish one with `sentinel rules publish FILE`"
                    : ACTIVE.equals(version)
                        ? "no rule set is active; published: " + versions(all)
                        : "no rule set version '" + version + "'; published: " + versions(all)));
  }

  /**
   * Puts {@code rules} in force on every detector; the set in force before is archived in the same
   * transaction. Publishing the set already in force changes nothing; publishing an archived set
   * with the same content is a rollback to it.
   *
   * @return the set now in force
   * @throws IllegalArgumentException when the version is already published with other rules
   */
  public RuleSetVersion publish(RuleSet rules) {
    return change(rules, RuleSetStatus.ACTIVE);
  }

  /**
   * Makes the published {@code version} the set in force again; the set in force is archived.
   *
   * @throws IllegalArgumentException when there is no such version
   */
  public RuleSetVersion rollback(String version) {
    return change(find(version).rules(), RuleSetStatus.ACTIVE);
  }

  /**
   * Runs {@code rules} as the shadow rule set beside the set in force; a former shadow is archived.
   *
   * @throws IllegalArgumentException when the version is already published with other rules, or is
   *     the set in force
   */
  public RuleSetVersion shadow(RuleSet rules) {
    return change(rules, RuleSetStatus.SHADOW);
  }

  /**
   * Stops the shadow rule set: it is archived.
   *
   * @return the former shadow, or null when none ran
   */
  public RuleSetVersion stopShadow() {
    Instant now = clock.instant();
    List<RuleSetVersion> changes =
        list().stream()
            .filter(v -> v.status() == RuleSetStatus.SHADOW)
            .map(v -> v.withStatus(RuleSetStatus.ARCHIVED, now))
            .toList();
    if (changes.isEmpty()) {
      return null;
    }
    topic.write(changes);
    return changes.get(0);
  }

  private RuleSetVersion change(RuleSet rules, RuleSetStatus status) {
    List<RuleSetVersion> all = list();
    Instant now = clock.instant();
    String sha256 = RuleSetVersion.checksum(rules);
    RuleSetVersion known =
        all.stream().filter(v -> v.version().equals(rules.version())).findFirst().orElse(null);
    if (known != null && !known.sha256().equals(sha256)) {
      throw new IllegalArgumentException(
          "rule set version '"
              + rules.version()
              + "' is already published with other rules; give the file a new version");
    }
    if (known != null && known.status() == status) {
      return known;
    }
    if (known != null && status == RuleSetStatus.SHADOW && known.status() == RuleSetStatus.ACTIVE) {
      throw new IllegalArgumentException(
          "rule set " + known.version() + " is in force; it cannot also be its shadow");
    }
    RuleSetVersion target =
        known == null ? RuleSetVersion.publish(rules, status, now) : known.withStatus(status, now);
    List<RuleSetVersion> changes = new ArrayList<>();
    changes.add(target);
    for (RuleSetVersion v : all) {
      if (v.status() == status && !v.version().equals(target.version())) {
        changes.add(v.withStatus(RuleSetStatus.ARCHIVED, now));
      }
    }
    topic.write(changes);
    return target;
  }

  private static List<String> versions(List<RuleSetVersion> all) {
    return all.stream().map(RuleSetVersion::version).toList();
  }
}
