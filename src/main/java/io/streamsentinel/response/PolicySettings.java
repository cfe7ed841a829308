package io.streamsentinel.response;

import io.streamsentinel.domain.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of the {@link ActionPolicy}; immutable and validated.
 *
 * @param repeatOffenderThreshold alerts within the window, the current one included, that make a
 *     user a repeat offender; 1 to {@link AlertHistory#CAPACITY}
 * @param repeatOffenderWindow how far back alerts count; positive
 * @param stepUpExpiry how long a step-up requirement lasts; positive
 * @param criticalTarget response-time target for CRITICAL alerts; positive
 * @param highTarget response-time target for HIGH alerts; positive
 * @param mediumTarget response-time target for MEDIUM alerts; positive
 * @param lowTarget response-time target for LOW alerts; positive
 * @param version the policy version that travels with every action; not blank
 */
public record PolicySettings(
    int repeatOffenderThreshold,
    Duration repeatOffenderWindow,
    Duration stepUpExpiry,
    Duration criticalTarget,
    Duration highTarget,
    Duration mediumTarget,
    Duration lowTarget,
    String version) {

  public static final int DEFAULT_REPEAT_OFFENDER_THRESHOLD = 3;
  public static final Duration DEFAULT_REPEAT_OFFENDER_WINDOW = Duration.ofDays(7);
  public static final Duration DEFAULT_STEP_UP_EXPIRY = Duration.ofHours(24);
  public static final Duration DEFAULT_CRITICAL_TARGET = Duration.ofSeconds(1);
  public static final Duration DEFAULT_HIGH_TARGET = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MEDIUM_TARGET = Duration.ofSeconds(30);
  public static final Duration DEFAULT_LOW_TARGET = Duration.ofMinutes(5);

  /** Bump whenever the tiers, escalation rule or defaults change meaning. */
  public static final String DEFAULT_VERSION = "2026-11-25.1";

  public PolicySettings {
    if (repeatOffenderThreshold < 1 || repeatOffenderThreshold > AlertHistory.CAPACITY) {
      throw new IllegalArgumentException(
          "repeat-offender threshold must be 1 to "
              + AlertHistory.CAPACITY
              + " but was "
              + repeatOffenderThreshold);
    }
    requirePositive(repeatOffenderWindow, "repeat-offender window");
    requirePositive(stepUpExpiry, "step-up expiry");
    requirePositive(criticalTarget, "CRITICAL response target");
    requirePositive(highTarget, "HIGH response target");
    requirePositive(mediumTarget, "MEDIUM response target");
    requirePositive(lowTarget, "LOW response target");
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("policy version must not be blank");
    }
  }

  /**
   * The defaults of issue 4: 3 alerts in 7 days, 24 h step-up, targets 1 s / 5 s / 30 s / 5 min.
   */
  public static PolicySettings defaults() {
    return new PolicySettings(
        DEFAULT_REPEAT_OFFENDER_THRESHOLD,
        DEFAULT_REPEAT_OFFENDER_WINDOW,
        DEFAULT_STEP_UP_EXPIRY,
        DEFAULT_CRITICAL_TARGET,
        DEFAULT_HIGH_TARGET,
        DEFAULT_MEDIUM_TARGET,
        DEFAULT_LOW_TARGET,
        DEFAULT_VERSION);
  }

  /** The response-time target of a tier; null for MINIMAL, which calls for no response. */
  public Duration responseTarget(Severity severity) {
    return switch (severity) {
      case CRITICAL -> criticalTarget;
      case HIGH -> highTarget;
      case MEDIUM -> mediumTarget;
      case LOW -> lowTarget;
      case MINIMAL -> null;
    };
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
  }
}
