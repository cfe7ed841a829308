package io.streamsentinel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.detection.drift.DriftReport.InputPsi;
import io.streamsentinel.detection.drift.DriftSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final double NONE = Double.NaN;

  private final HealthRules rules = new HealthRules(HealthThresholds.defaults());

  private HealthStatus judge(double lag, double errorRate, double throughput, double input) {
    return rules.evaluate(
        "detector", T, new HealthSample(lag, errorRate, throughput, input, drift(0.05, 0.1)));
  }

  /** A measured drift: the score's PSI and one input's, {@code amount}. */
  private static DriftReport drift(double scorePsi, double amountPsi) {
    return new DriftReport(
        DriftReport.State.MEASURED,
        "v3",
        2_000,
        500,
        600,
        T,
        scorePsi,
        List.of(new InputPsi("amount", amountPsi), new InputPsi("new_device", 0.01)));
  }

  private RuleResult driftRule(DriftReport drift) {
    return rules
        .evaluate("detector", T, new HealthSample(0, 0, 2_000, 2_000, drift))
        .result(HealthRule.MODEL_DRIFT);
  }

  @Test
  void shouldUseTheGuidesThresholdsByDefault() {
    assertThat(HealthThresholds.defaults())
        .isEqualTo(new HealthThresholds(10_000, 0.01, 1_000, 0.25));
  }

  @Test
  void shouldBeHealthyWhenEveryFigureIsWithinItsLimit() {
    HealthStatus status = judge(10_000, 0.01, 1_000, 5_000);

    assertThat(status.healthy()).isTrue();
    assertThat(status.results()).allSatisfy(r -> assertThat(r.measured()).isTrue());
  }

  @Test
  void shouldFireTheLagRuleAboveTenThousandAndClearAtOrBelow() {
    assertThat(judge(10_001, 0, 2_000, 2_000).result(HealthRule.CONSUMER_LAG).firing()).isTrue();
    assertThat(judge(10_001, 0, 2_000, 2_000).healthy()).isFalse();
    assertThat(judge(10_000, 0, 2_000, 2_000).result(HealthRule.CONSUMER_LAG).firing()).isFalse();
  }

  @Test
  void shouldFireTheErrorRuleAboveOnePercentAndClearAtOrBelow() {
    assertThat(judge(0, 0.0101, 2_000, 2_000).result(HealthRule.ERROR_RATE).firing()).isTrue();
    assertThat(judge(0, 0.01, 2_000, 2_000).result(HealthRule.ERROR_RATE).firing()).isFalse();
  }

  @Test
  void shouldFireTheThroughputRuleOnlyWhileInputIsFlowing() {
    RuleResult slow = judge(0, 0, 999, 3_000).result(HealthRule.THROUGHPUT);
    RuleResult quiet = judge(0, 0, 0, 0).result(HealthRule.THROUGHPUT);
    RuleResult fast = judge(0, 0, 1_000, 3_000).result(HealthRule.THROUGHPUT);

    assertThat(slow.firing()).isTrue();
    assertThat(slow.value()).isEqualTo(999);
    assertThat(quiet.firing()).isFalse();
    assertThat(quiet.measured()).isTrue();
    assertThat(fast.firing()).isFalse();
  }

  @Test
  void shouldFireTheDriftRuleAboveTheLimitNamingWhatDriftedMost() {
    RuleResult amount = driftRule(drift(0.1, 0.31));
    RuleResult score = driftRule(drift(0.4, 0.31));
    RuleResult calm = driftRule(drift(0.25, 0.2));

    assertThat(amount.firing()).isTrue();
    assertThat(amount.value()).isEqualTo(0.31);
    assertThat(amount.detail()).isEqualTo("amount");
    assertThat(amount.threshold()).isEqualTo(0.25);
    assertThat(score.firing()).isTrue();
    assertThat(score.detail()).isEqualTo("score");
    assertThat(calm.firing()).isFalse();
    assertThat(calm.measured()).isTrue();
  }

  @Test
  void shouldNotJudgeDriftBelowTheMinimumSampleOrWithoutAReference() {
    DriftSettings settings = DriftSettings.defaults();
    RuleResult collecting = driftRule(DriftReport.collecting("v3", 499, settings, T));
    RuleResult noReference = driftRule(DriftReport.noReference("v2", settings));
    RuleResult noChampion = driftRule(DriftReport.noChampion(settings));
    RuleResult noDetector = driftRule(null);

    assertThat(List.of(collecting, noReference, noChampion, noDetector))
        .allSatisfy(
            r -> {
              assertThat(r.measured()).isFalse();
              assertThat(r.firing()).isFalse();
              assertThat(r.value()).isNaN();
              assertThat(r.detail()).isNull();
            });
  }

  @Test
  void shouldHonourAConfiguredDriftLimit() {
    HealthRules strict = new HealthRules(new HealthThresholds(5, 0.5, 10, 0.1));

    HealthStatus status =
        strict.evaluate("detector", T, new HealthSample(0, 0, 20, 20, drift(0.05, 0.12)));

    assertThat(status.result(HealthRule.MODEL_DRIFT).firing()).isTrue();
    assertThat(status.describe().toString()).contains("rule=model_drift, state=firing");
  }

  @Test
  void shouldNeitherFireNorClaimAMeasurementForUnmeasuredFigures() {
    HealthStatus status = rules.evaluate("detector", T, new HealthSample(NONE, NONE, 10, NONE));

    assertThat(status.healthy()).isTrue();
    assertThat(status.results()).noneMatch(RuleResult::measured);
  }

  @Test
  void shouldHonourConfiguredThresholds() {
    HealthRules strict = new HealthRules(new HealthThresholds(5, 0.5, 10));

    HealthStatus status = strict.evaluate("responder", T, new HealthSample(6, 0.4, 20, 100));

    assertThat(status.result(HealthRule.CONSUMER_LAG).firing()).isTrue();
    assertThat(status.result(HealthRule.ERROR_RATE).firing()).isFalse();
    assertThat(status.result(HealthRule.THROUGHPUT).firing()).isFalse();
  }

  @Test
  void shouldRejectThresholdsOutsideTheirRange() {
    assertThatThrownBy(() -> new HealthThresholds(-1, 0.01, 1_000)).hasMessageContaining("max lag");
    assertThatThrownBy(() -> new HealthThresholds(1, 1.5, 1_000))
        .hasMessageContaining("error rate");
    assertThatThrownBy(() -> new HealthThresholds(1, 0.01, 1_000, 0))
        .hasMessageContaining("max PSI");
  }
}
