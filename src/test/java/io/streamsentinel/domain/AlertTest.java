package io.streamsentinel.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert is acted on only when its ids and time are ones a detector could have written. */
class AlertTest {

  private static final Instant TIME = Instant.parse("2026-02-01T10:00:00Z");

  private static Alert alert(String transactionId, Instant time) {
    return new Alert("a1", transactionId, "u1", Severity.HIGH, 0.8, List.of("R"), time);
  }

  @Test
  void shouldAcceptIdsUpTo128PrintableCharsAndTimesInTheYears0000To9999() {
    assertThatCode(() -> alert("t".repeat(128), Instant.parse("9999-12-31T23:59:59Z")))
        .doesNotThrowAnyException();
    assertThatCode(() -> alert("caf\u00e9 \ud83d\ude00", TIME)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseIdsThatNoDetectorWrites() {
    assertThatThrownBy(() -> alert("t".repeat(60_000), TIME))
        .hasMessage("transaction_id: longer than 128 characters (60000)");
    assertThatThrownBy(() -> alert(" ", TIME)).hasMessage("transaction_id: must not be blank");
    assertThatThrownBy(() -> alert("a\u0000b", TIME))
        .hasMessage("transaction_id: contains control character U+0000 at index 1");
    assertThatThrownBy(() -> alert("a\ud800b", TIME))
        .hasMessage("transaction_id: contains an unpaired surrogate at index 1");
  }

  @Test
  void shouldRefuseEventTimesOutsideTheYears0000To9999() {
    assertThatThrownBy(() -> alert("t1", Instant.parse("+10000-01-01T00:00:00Z")))
        .hasMessage("event_time: +10000-01-01T00:00:00Z is outside the years 0000-9999");
    assertThatThrownBy(() -> alert("t1", Instant.ofEpochMilli(-Long.MAX_VALUE)))
        .hasMessageStartingWith("event_time: -292275055");
  }
}
