package io.streamsentinel.detection;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.quality.DetectionQuality;
import io.streamsentinel.detection.quality.QualityReport;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.generator.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Rules-only quality of a rule set on a window of one world's stream, profiles carried along. */
final class RulesOnlyQuality {

  private RulesOnlyQuality() {}

  /**
   * Scores events {@code 0 .. to-1} of the world's stream for {@code seed}, each user's profile
   * built from the events before it, and reports on events {@code from .. to-1} only.
   */
  static QualityReport score(World world, RuleSet rules, long seed, int from, int to) {
    TransactionSimulator simulator =
        new TransactionSimulator(GeneratorSettings.withSeed(seed).withWorld(world));
    FraudDetector detector = FraudDetector.of(rules);
    Map<String, UserProfile> profiles = new HashMap<>();
    DetectionQuality quality = new DetectionQuality();
    for (int i = 0; i < to; i++) {
      Transaction tx = simulator.next();
      UserProfile before = profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId()));
      FraudDetector.Assessment a = detector.assess(tx, before, AccountStatus.ACTIVE);
      profiles.put(tx.userId(), a.profile());
      if (i >= from) {
        quality.add(
            a.decision().score(),
            Boolean.TRUE.equals(a.decision().isFraud()),
            a.decision().fraudPattern());
      }
    }
    return quality.report(Decision.DEFAULT_ALERT_THRESHOLD);
  }

  /** A former rule set kept as a test resource, e.g. {@code default-1}. */
  static RuleSet resource(String version) {
    try (InputStream in =
        RulesOnlyQuality.class.getResourceAsStream("/rules/" + version + ".json")) {
      return RuleSetCodec.parse(version + ".json", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints one measurement as the blind tests report it: the window is the first ({@code 0}) or the
   * second ({@code 1}) of 200,000 events; with {@code perKind} also each kind of fraud's ROC AUC.
   */
  static void print(
      World world, String rules, long seed, int window, QualityReport r, boolean perKind) {
    System.out.printf(
        Locale.ROOT,
        "rules %-9s on world %s, seed %2d, events %s: ROC AUC %.4f, precision %.3f, recall %.3f"
            + " at 0.5%n",
        rules,
        world.wireName(),
        seed,
        window == 0 ? "0-200k" : "200k-400k",
        r.auc(),
        r.precision(),
        r.recall());
    if (perKind) {
      r.perPattern()
          .forEach(
              (kind, q) ->
                  System.out.printf(
                      Locale.ROOT,
                      "    %-30s %5d frauds, ROC AUC %.4f%n",
                      kind,
                      q.frauds(),
                      q.auc()));
    }
  }
}
