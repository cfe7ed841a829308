package io.streamsentinel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed authentications per address in fixed windows, on a clock the test moves. */
class AuthFailuresTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final AuthFailures failures = new AuthFailures(3, Duration.ofMinutes(1), clock);

  @Test
  void shouldBlockAnAddressAtTheLimitUntilItsWindowEnds() {
    failures.record("10.0.0.1");
    failures.record("10.0.0.1");
    assertThat(failures.blockedFor("10.0.0.1")).isZero();

    now = T0.plusSeconds(20);
    failures.record("10.0.0.1");

    assertThat(failures.blockedFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(40));
    assertThat(failures.blockedFor("10.0.0.2")).as("another address").isZero();
    now = T0.plusSeconds(60);
    assertThat(failures.blockedFor("10.0.0.1")).isZero();
  }

  @Test
  void shouldStartANewWindowAfterTheOldOneEnded() {
    failures.record("a");
    failures.record("a");
    now = T0.plusSeconds(61);
    failures.record("a");

    assertThat(failures.blockedFor("a")).as("one failure in the new window").isZero();
  }
}
