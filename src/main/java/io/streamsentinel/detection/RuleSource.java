package io.streamsentinel.detection;

import java.util.Objects;

/**
 * Where the detector gets the rules in force: read once per transaction, so a newly published rule
 * set scores from the next transaction on. Implementations must be thread-safe and fast (a volatile
 * read).
 */
@FunctionalInterface
public interface RuleSource {

  /** The rules in force, compiled; never null. */
  FraudDetector current();

  /**
   * A shadow rule set scored beside the rules in force on every transaction, whose score rides in
   * the decision and never alerts or acts; null while there is none.
   */
  default FraudDetector shadow() {
    return null;
  }

  /** Always the same rules, never a shadow. */
  static RuleSource fixed(RuleSet rules) {
    FraudDetector detector = FraudDetector.of(Objects.requireNonNull(rules, "rules"));
    return () -> detector;
  }
}
