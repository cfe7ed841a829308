package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.bench.SimulatedHistory;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decisions and alerts are written straight into bytes ({@link JsonBytes}); Jackson's generator,
 * which wrote them before ({@link JacksonDecisionWriter}), is the reference they must match byte
 * for byte.
 */
class DecisionBytesTest {

  private static final int TRANSACTIONS = 3_000;

  /** Every field, with text that is written directly (non-ASCII, nothing Jackson escapes). */
  private static final Transaction TX =
      TransactionCodecTest.everyField().toBuilder().merchant("Café Zum Löwen").build();

  @Test
  void shouldWriteWhatJacksonWritesForEveryDecisionAndAlertTheDetectorMakes() {
    // Every other transaction with the model: decisions with and without its fields.
    ScoringModel model = SimulatedHistory.model(11, 300, 20_000);
    int alerts = 0;
    int withModelReasons = 0;
    for (DetectorDecisions.Scored s : DetectorDecisions.of(TRANSACTIONS, model)) {
      Decision d = s.decision();
      assertSameBytes(d, s.tx(), null);
      withModelReasons +=
          d.reasons().stream().anyMatch(r -> Reason.MODEL.equals(r.source())) ? 1 : 0;
      if (d.isAlert(Decision.DEFAULT_ALERT_THRESHOLD)) {
        assertSameBytes(d, s.tx(), DecisionCodec.alertId(d.transactionId()));
        alerts++;
      }
    }
    assertThat(alerts).as("alerts").isGreaterThan(50);
    assertThat(withModelReasons).as("decisions with the model's reasons").isGreaterThan(50);
  }

  @Test
  void shouldWriteWhatJacksonWritesForEveryOptionalPartAndNumberShape() {
    double[] shapes = {
      0,
      -0.0,
      1,
      -1,
      3,
      1e-7,
      0.000999,
      0.001,
      -12345.678901,
      9_999_999.999999,
      1e7,
      123_456_789.5,
      1e15,
      -1e15,
      1e17,
      1e300,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      0.1 + 0.2,
      2.5e-4
    };
    double[] scores = {0, 1, 0.5, 1e-7, 0.000999, 0.123456789, 0.1 + 0.2, Double.MIN_VALUE};
    double[] features = new double[Feature.COUNT];
    for (int k = 0; k < shapes.length; k++) {
      for (int i = 0; i < features.length; i++) {
        features[i] = shapes[(i + k) % shapes.length]; // every shape in every feature's place
      }
      double score = scores[k % scores.length];
      Decision d =
          new Decision(
                  "tx_" + k,
                  "user_ü",
                  Instant.parse("2026-11-25T12:00:00.123456Z"),
                  new BigDecimal(k % 2 == 0 ? "1E+3" : "-0.10"),
                  score,
                  Severity.of(score),
                  List.of(
                      new Reason("A", "first € and é", shapes[k], Reason.RULE),
                      new Reason("B", "", score, Reason.MODEL)),
                  FeatureVector.of(features),
                  "rules-1",
                  k % 2 == 0,
                  "card_testing",
                  scores[(k + 1) % scores.length],
                  score,
                  "v1")
              .withShadow(new Decision.Shadow("v2", scores[(k + 2) % scores.length]))
              .withSnoozed(k % 2 == 0 ? List.of("R1", "R2") : List.of("R1"));
      assertSameBytes(d, TX, null);
      assertSameBytes(d, TX, DecisionCodec.alertId(d.transactionId()));
    }
    Transaction bare =
        Transaction.builder()
            .transactionId("tx_bare")
            .userId("user_1")
            .amount(new BigDecimal("12.30"))
            .timestamp(Instant.parse("2026-11-25T12:00:00Z"))
            .build();
    assertSameBytes(decision(List.of(), null), bare, null);
    for (Channel channel : Channel.values()) {
      assertSameBytes(decision(List.of(), null), withChannel(channel), null);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quote \" inside",
        "back \\ slash",
        "tab \t newline \n return \r backspace \b form feed \f",
        "nul \u0000 bell \u0007 unit \u001f",
        "del \u007f",
        "pair 😀 of surrogates",
        "two bytes é, three € and \u2028 \uffff",
        "beyond Latin-1 only: \u0141\u2028\u0122 (their low bytes are ASCII)",
        "a lone \ud800 surrogate"
      })
  void shouldWriteWhatJacksonWritesForAnyText(String text) {
    Decision d = decision(List.of(new Reason(text, text, 0.5, Reason.RULE)), text);

    assertSameBytes(d, TX, null);
    assertSameBytes(d, TX, "alert-" + text);
    if (text.contains("lone")) {
      // Jackson escapes a lone surrogate as it escapes a pair's halves: written, not refused.
      assertThat(new String(DecisionCodec.encodeDecision(d, TX), StandardCharsets.UTF_8))
          .contains("a lone \\uD800 surrogate");
    }
  }

  @Test
  void shouldWriteWhatJacksonWritesForEveryChar() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      every.append(c);
    }
    every.append(Character.MAX_VALUE);

    assertSameBytes(decision(List.of(new Reason("ALL", every.toString(), 0.5)), "v1"), TX, null);
  }

  @Test
  void shouldWriteWhatJacksonWritesForTextLongerThanTheWritersBuffers() {
    // 40,000 two-byte chars: many segments, past the byte buffer and the size a writer keeps.
    Decision huge = decision(List.of(new Reason("LONG", "é".repeat(40_000), 0.5)), "v1");
    Decision small = decision(List.of(new Reason("SHORT", "after it", 0.5)), "v1");

    assertSameBytes(huge, TX, null);
    assertSameBytes(small, TX, null);
    assertSameBytes(huge, TX, null);
    // Each record is its own array: the writer the thread keeps never shows through.
    byte[] earlier = DecisionCodec.encodeDecision(small, TX);
    byte[] copy = earlier.clone();
    DecisionCodec.encodeDecision(huge, TX);
    assertThat(earlier).isEqualTo(copy);
  }

  @Test
  void shouldWriteEveryEventTimeAsTheJdkPrintsItAndItsAlertAfterIt() {
    List<Instant> times = new ArrayList<>();
    for (String text :
        new String[] {
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z", // five digits, a sign: the JDK's own text
          "-0001-12-31T23:59:59.5Z",
          "1970-01-01T00:00:00Z",
          "2024-02-29T23:59:59.000001Z"
        }) {
      times.add(Instant.parse(text));
    }
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      // none, or a fraction of 1 to 9 digits (the JDK prints them in groups of three)
      int unit = (int) Math.pow(10, 9 - i % 10);
      int nanos = i % 10 == 0 ? 0 : random.nextInt(1_000_000_000) / unit * unit;
      times.add(Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, nanos));
    }

    for (Instant time : times) {
      Decision d = decision(List.of(), null, time);
      assertSameBytes(d, TX, null);
      assertSameBytes(d, TX, DecisionCodec.alertId(d.transactionId()));
    }
  }

  @Test
  void shouldMakeAnAlertOnlyOfADecisionsBytes() {
    byte[] alert = DecisionCodec.encodeAlert(decision(List.of(), null), TX);

    assertThatThrownBy(() -> DecisionCodec.alertOf(alert, "tx_1")) // an alert already
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a decision");
    assertThatThrownBy(() -> DecisionCodec.alertOf(new byte[] {'{', '}'}, "tx_1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Decision decision(List<Reason> reasons, String version) {
    return decision(reasons, version, Instant.parse("2026-11-25T12:00:00Z"));
  }

  private static Decision decision(List<Reason> reasons, String version, Instant eventTime) {
    return new Decision(
        "tx_1",
        "user_1",
        eventTime,
        new BigDecimal("42.00"),
        0.93,
        Severity.of(0.93),
        reasons,
        FeatureVector.of(new double[Feature.COUNT]),
        version == null ? "rules-1" : version,
        null,
        version,
        0.93,
        version == null ? null : 0.5,
        version);
  }

  private static Transaction withChannel(Channel channel) {
    return TX.toBuilder().channel(channel).build();
  }

  private static void assertSameBytes(Decision d, Transaction tx, String alertId) {
    byte[] expected = JacksonDecisionWriter.write(d, tx, alertId);
    byte[] actual =
        alertId == null
            ? DecisionCodec.encodeDecision(d, tx)
            : alertId.equals(DecisionCodec.alertId(d.transactionId()))
                ? DecisionCodec.encodeAlert(d, tx)
                : DecisionCodec.withAlertId(DecisionCodec.encodeDecision(d, tx), alertId);
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }
}
