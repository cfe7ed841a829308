package io.streamsentinel.analytics;

import static io.streamsentinel.analytics.Decisions.fraud;
import static io.streamsentinel.analytics.Decisions.legit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.codec.DecisionDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatisticsTallyTest {

  private static Map<String, BucketCounts> dimension(StatisticsTally tally, Dimension d) {
    return tally.buckets().stream()
        .filter(b -> b.dimension() == d)
        .collect(Collectors.toMap(BucketStats::bucket, BucketStats::counts));
  }

  @Test
  void shouldCountVolumeLabelsAndAlertsPerBucket() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(legit(0.1, "grocery", "20.00"));
    tally.add(legit(0.6, "grocery", "30.50")); // false alarm
    tally.add(fraud(0.9, "card_testing", "grocery", "1.00")); // caught
    tally.add(fraud(0.2, "account_takeover", "electronics", "900")); // missed

    Map<String, BucketCounts> byCategory = dimension(tally, Dimension.MERCHANT_CATEGORY);
    assertThat(byCategory.get("grocery"))
        .isEqualTo(new BucketCounts(3, new BigDecimal("51.50"), 0, 3, 1, 2, 1));
    assertThat(byCategory.get("electronics"))
        .isEqualTo(new BucketCounts(1, new BigDecimal("900"), 0, 1, 1, 0, 0));
    assertThat(byCategory.get("grocery").precision()).isEqualTo(0.5);
    assertThat(dimension(tally, Dimension.AMOUNT_BUCKET))
        .containsOnlyKeys("0-10", "10-50", "500-1000");
    assertThat(dimension(tally, Dimension.SEVERITY).get("CRITICAL").trueAlerts()).isEqualTo(1);
    assertThat(tally.count(Counter.DECISIONS)).isEqualTo(4);
  }

  @Test
  void shouldBucketTheHourOfDayInUtc() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(at("2026-03-01T00:59:59Z"));
    tally.add(at("2026-03-01T23:00:00+00:00"));
    tally.add(at("2026-03-01T09:15:00+02:00")); // 07 UTC

    assertThat(dimension(tally, Dimension.HOUR_OF_DAY)).containsOnlyKeys("00", "07", "23");
  }

  private static DecisionDocument at(String time) {
    return Decisions.of(
        0.1, false, null, "grocery", "DE", "5", OffsetDateTime.parse(time).toInstant(), List.of());
  }

  @Test
  void shouldKeepEnforcementAndUnlabelledDecisionsOutOfTheRatesButInTheVolume() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(
        Decisions.of(
            1.0,
            true,
            "account_takeover",
            "atm",
            "DE",
            "200",
            Instant.EPOCH,
            List.of("ACCOUNT_BLOCKED")));
    tally.add(Decisions.of(0.7, null, null, "atm", "DE", "100", Instant.EPOCH, List.of()));

    assertThat(dimension(tally, Dimension.MERCHANT_CATEGORY).get("atm"))
        .isEqualTo(new BucketCounts(2, new BigDecimal("300"), 1, 0, 0, 0, 0));
    assertThat(tally.count(Counter.ENFORCEMENT_DECISIONS)).isEqualTo(1);
    assertThat(tally.count(Counter.UNLABELLED_DECISIONS)).isEqualTo(1);
    assertThat(tally.histogram()).isEmpty();
    assertThat(tally.modelHistogram()).isEmpty();
  }

  @Test
  void shouldCountEachLabelledDecisionInItsModelGroupOnceByEachScore() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(Decisions.scored(0.9, 0.4, "m1", true, "card_testing"));
    tally.add(Decisions.scored(0.9, 0.4, "m1", true, "card_testing"));
    tally.add(Decisions.scored(0.3, 0.9, "m2", false, null));
    tally.add(Decisions.scored(0.05, 0.05, null, false, null));
    tally.add(Decisions.scored(0.7, 0.7, "m2", null, null)); // unlabelled: left out
    tally.add(
        Decisions.scored(1.0, 1.0, "m1", true, "x", List.of("ACCOUNT_BLOCKED"))); // enforcement

    assertThat(tally.modelHistogram())
        .containsExactly(
            Map.entry(cell("m1", ScoredBy.SCORE, 0.9, true, "card_testing"), 2L),
            Map.entry(cell("m1", ScoredBy.RULES_SCORE, 0.4, true, "card_testing"), 2L),
            Map.entry(cell("m2", ScoredBy.SCORE, 0.3, false, ""), 1L),
            Map.entry(cell("m2", ScoredBy.RULES_SCORE, 0.9, false, ""), 1L),
            Map.entry(cell("rules only", ScoredBy.SCORE, 0.05, false, ""), 1L),
            Map.entry(cell("rules only", ScoredBy.RULES_SCORE, 0.05, false, ""), 1L));
    assertThat(tally.histogram().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
  }

  private static ModelScoreCell cell(
      String group, ScoredBy scoredBy, double score, boolean fraud, String pattern) {
    return new ModelScoreCell(group, scoredBy, new ScoreCell(score, fraud, pattern));
  }

  @Test
  void shouldRejectARulesScoreOutsideZeroToOneWithoutCountingAnything() {
    StatisticsTally tally = new StatisticsTally(0.5);
    assertThatThrownBy(() -> tally.add(Decisions.scored(0.5, 1.5, "m1", true, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules_score");

    assertThat(tally.isEmpty()).isTrue();
    assertThat(tally.buckets()).isEmpty();
    assertThat(tally.modelHistogram()).isEmpty();
  }

  @Test
  void shouldRejectANameTooLongForTheStatisticsKeysWithoutCountingAnything() {
    // Before, a 60 KB category reached the database, whose primary key index refused it on every
    // retry until the analytics stopped.
    StatisticsTally tally = new StatisticsTally(0.5);

    assertThatThrownBy(() -> tally.add(legit(0.1, "c".repeat(60_000), "5")))
        .hasMessage("merchant_category: longer than 128 characters (60000)");
    assertThatThrownBy(() -> tally.add(fraud(0.9, "p".repeat(129), "grocery", "5")))
        .hasMessage("fraud_pattern: longer than 128 characters (129)");
    assertThat(tally.isEmpty()).isTrue();
    assertThat(tally.buckets()).isEmpty();
  }

  @Test
  void shouldCollectEqualScoresInOneHistogramCell() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(fraud(0.75, "card_testing", "grocery", "1"));
    tally.add(fraud(0.75, "card_testing", "travel", "2"));
    tally.add(fraud(0.75, null, "travel", "2"));
    tally.add(legit(0.75, "travel", "3"));

    assertThat(tally.histogram())
        .containsExactly(
            Map.entry(new ScoreCell(0.75, false, ""), 1L),
            Map.entry(new ScoreCell(0.75, true, ""), 1L),
            Map.entry(new ScoreCell(0.75, true, "card_testing"), 2L));
  }

  @Test
  void shouldFileMissingCategoryAndCountryUnderUnknown() {
    StatisticsTally tally = new StatisticsTally(0.5);
    tally.add(Decisions.of(0.1, false, null, null, " ", "5", Instant.EPOCH, List.of()));

    assertThat(dimension(tally, Dimension.MERCHANT_CATEGORY)).containsOnlyKeys("unknown");
    assertThat(dimension(tally, Dimension.COUNTRY)).containsOnlyKeys("unknown");
  }

  @Test
  void shouldRejectAScoreOutsideZeroToOneWithoutCountingAnything() {
    StatisticsTally tally = new StatisticsTally(0.5);
    assertThatThrownBy(
            () ->
                tally.add(Decisions.of(1.5, false, null, "x", "DE", "5", Instant.EPOCH, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    tally.addUndecodable();

    assertThat(tally.buckets()).isEmpty();
    assertThat(tally.counters()).containsOnly(Map.entry(Counter.UNDECODABLE_RECORDS, 1L));
  }
}
