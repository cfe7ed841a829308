package io.streamsentinel.jmh;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Realistic inputs for the micro-benchmarks: the generator's transactions (1 % fraud) for a few
 * thousand users, each paired with its user's profile just before it, after a history long enough
 * that the profiles' windows and bounded sets are filled as in a running detector.
 */
final class Workload {

  /** A power of two, so the benchmarks cycle with a mask. */
  static final int SIZE = 4096;

  static final int USERS = 2_000;
  static final int HISTORY = 200_000;

  final Transaction[] transactions = new Transaction[SIZE];
  final UserProfile[] before = new UserProfile[SIZE];
  final FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());

  Workload() {
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(
                11,
                USERS,
                GeneratorSettings.DEFAULT_FRAUD_RATE,
                Instant.parse("2026-01-01T00:00:00Z")));
    Map<String, UserProfile> profiles = new HashMap<>();
    for (int i = 0; i < HISTORY; i++) {
      Transaction tx = simulator.next();
      profiles.put(tx.userId(), profileOf(profiles, tx).with(tx));
    }
    for (int i = 0; i < SIZE; i++) {
      Transaction tx = simulator.next();
      UserProfile profile = profileOf(profiles, tx);
      transactions[i] = tx;
      before[i] = profile;
      profiles.put(tx.userId(), profile.with(tx));
    }
  }

  private static UserProfile profileOf(Map<String, UserProfile> profiles, Transaction tx) {
    return profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
  }

  static AccountStatus status() {
    return AccountStatus.ACTIVE;
  }
}
