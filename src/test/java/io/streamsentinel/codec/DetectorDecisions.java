package io.streamsentinel.codec;

import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the detector decides for seeded transactions (seed 7, 300 users), with their profiles. */
final class DetectorDecisions {

  /** A decision and the transaction it is about. */
  record Scored(Decision decision, Transaction tx) {}

  private DetectorDecisions() {}

  /**
   * The first {@code count} decisions of the default rules.
   *
   * @param model scores every other transaction (the first among them) when not null
   */
  static List<Scored> of(int count, ScoringModel model) {
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(7, 300, 0.05, Instant.parse("2026-11-20T00:00:00Z")));
    Map<String, UserProfile> profiles = new HashMap<>();
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      FraudDetector.Assessment a =
          detector.assess(tx, before, AccountStatus.ACTIVE, i % 2 == 0 ? model : null);
      profiles.put(tx.userId(), a.profile());
      scored.add(new Scored(a.decision(), tx));
    }
    return scored;
  }
}
