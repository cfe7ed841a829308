package io.streamsentinel.registry;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.RuleSet;
import java.time.Instant;
import java.util.Objects;

/**
 * One published rule set on {@code fraud-rules}: the rules, their checksum and where they stand.
 * The version is the rule set's own {@code version}, so the {@code rule_set_version} of every
 * decision names the record it was scored by.
 *
 * @param rules never null; its version is this record's key
 * @param status never null
 * @param publishedAt when it was first published
 * @param statusChangedAt when its status last changed
 * @param sha256 hex SHA-256 of the rules in their canonical encoding ({@link RuleSetCodec#encode})
 */
public record RuleSetVersion(
    RuleSet rules,
    RuleSetStatus status,
    Instant publishedAt,
    Instant statusChangedAt,
    String sha256) {

  public RuleSetVersion {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** A rule set published now with this status. */
  public static RuleSetVersion publish(RuleSet rules, RuleSetStatus status, Instant now) {
    return new RuleSetVersion(rules, status, now, now, checksum(rules));
  }

  /** The checksum a record of these rules carries. */
  public static String checksum(RuleSet rules) {
    return ModelRecordCodec.sha256(RuleSetCodec.encode(rules));
  }

  public String version() {
    return rules.version();
  }

  /** The same rules with another status from {@code at}. */
  public RuleSetVersion withStatus(RuleSetStatus value, Instant at) {
    return new RuleSetVersion(rules, value, publishedAt, at, sha256);
  }
}
