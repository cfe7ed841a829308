package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.domain.Severity;
import org.junit.jupiter.api.Test;

/** The detector's counters are its meters too: one set of counts, two readers. */
class DetectorCountersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DetectorCounters counters = new DetectorCounters(registry);

  private double counted(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  void shouldExposeAlertsBySeverityAndDeadLettersByReasonUnderTheSentinelPrefix() {
    counters.scored();
    counters.scored();
    counters.alert(Severity.CRITICAL);
    counters.deadLetter("amount");
    counters.deadLetter("amount");
    counters.deadLetter(null);

    assertThat(counted("sentinel.transactions.scored")).isEqualTo(2);
    assertThat(counted("sentinel.alerts.raised", "severity", "CRITICAL")).isEqualTo(1);
    assertThat(counted("sentinel.alerts.raised", "severity", "HIGH")).isZero();
    assertThat(counted("sentinel.dlq.records", "stage", "detector", "reason", "amount"))
        .isEqualTo(2);
    assertThat(counted("sentinel.dlq.records", "reason", "unknown")).isEqualTo(1);
    assertThat(registry.get("sentinel.fraud.rate").gauge().value()).isEqualTo(0.5);
    assertThat(counters.deadLetterCount()).isEqualTo(3);
    assertThat(counters.alertCount()).isEqualTo(1);
  }

  @Test
  void shouldRecordScoringTimeAndEventToDecisionLatencyClampingClockSkewToZero() {
    counters.scoringTime(2_000_000);
    counters.eventToDecision(-5);

    assertThat(registry.get("sentinel.scoring.time").timer().count()).isEqualTo(1);
    assertThat(
            registry
                .get("sentinel.event.to.decision")
                .timer()
                .max(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isZero();
  }
}
