package io.streamsentinel.analytics;

import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.domain.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test vocabulary: decisions as the analytics consumer reads them. */
final class Decisions {

  static final Instant NOON_UTC = Instant.parse("2026-01-01T12:30:00Z");

  private Decisions() {}

  static DecisionDocument legit(double score, String category, String amount) {
    return of(score, false, null, category, "DE", amount, NOON_UTC, List.of());
  }

  static DecisionDocument fraud(double score, String pattern, String category, String amount) {
    return of(score, true, pattern, category, "DE", amount, NOON_UTC, List.of("VELOCITY_1M"));
  }

  /**
   * A labelled decision (or unlabelled: {@code fraud} null) scored {@code score} by the model
   * {@code model} in force (null: none) where the rules alone gave {@code rulesScore}.
   */
  static DecisionDocument scored(
      double score, double rulesScore, String model, Boolean fraud, String pattern) {
    return scored(score, rulesScore, model, fraud, pattern, List.of());
  }

  static DecisionDocument scored(
      double score,
      double rulesScore,
      String model,
      Boolean fraud,
      String pattern,
      List<String> reasons) {
    return new DecisionDocument(
        null,
        "tx-" + model + score + rulesScore,
        "user-1",
        NOON_UTC,
        new BigDecimal("10.00"),
        "EUR",
        "Shop",
        "grocery",
        "DE",
        "Berlin",
        "online",
        score,
        Severity.of(score),
        "[]",
        "{}",
        reasons,
        "v1",
        fraud,
        pattern,
        rulesScore,
        model == null ? null : score,
        model,
        null,
        null,
        List.of());
  }

  static DecisionDocument of(
      double score,
      Boolean fraud,
      String pattern,
      String category,
      String country,
      String amount,
      Instant time,
      List<String> reasons) {
    return new DecisionDocument(
        null,
        "tx-" + System.identityHashCode(reasons) + score,
        "user-1",
        time,
        new BigDecimal(amount),
        "EUR",
        "Shop",
        category,
        country,
        "Berlin",
        "online",
        score,
        Severity.of(score),
        "[]",
        "{}",
        reasons,
        "v1",
        fraud,
        pattern);
  }
}
