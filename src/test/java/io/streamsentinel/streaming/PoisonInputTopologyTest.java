package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionSummary;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.codec.UserProfileCodec;
import io.streamsentinel.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records built to hurt the detector: each lands in the DLQ with its reason, the topology keeps
 * running and the valid records around them are scored. The size limits of a real broker are
 * exercised by {@link OversizedRecordIT}; the driver enforces none.
 */
class PoisonInputTopologyTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> input;
  private TestOutputTopic<String, byte[]> scores;
  private TestOutputTopic<String, byte[]> dlq;
  private final DetectorCounters counters = new DetectorCounters();
  private final List<String> valid = new ArrayList<>();
  private int sent;

  @BeforeEach
  void start() {
    DetectorSettings settings =
        new DetectorSettings(
            RuleSetCodec.loadDefault(), 0.5, Duration.ofHours(24), TransactionLimits.DEFAULTS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "poison-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(FraudTopology.build(settings, counters), props);
    input =
        driver.createInputTopic(
            DetectorSettings.INPUT_TOPIC,
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    scores = output(DetectorSettings.SCORES_TOPIC);
    dlq = output(DetectorSettings.DLQ_TOPIC);
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(
        topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** A transaction of u1 with the given raw JSON for the timestamp and the merchant. */
  private static String event(String id, String timestampJson, String merchantJson) {
    return "{\"transaction_id\":\""
        + id
        + "\",\"user_id\":\"u1\",\"amount\":12.5,\"timestamp\":"
        + timestampJson
        + ",\"merchant\":"
        + merchantJson
        + ",\"country\":\"DE\"}";
  }

  /** Sends one record at T0 plus one second per record, then a valid one. */
  private void poisonThenValid(String json) {
    Instant at = T0.plusSeconds(sent++);
    input.pipeInput("u1", json.getBytes(StandardCharsets.UTF_8), at);
    String id = "ok-" + valid.size();
    input.pipeInput(
        "u1",
        event(id, "\"" + at + "\"", "\"Grocer\"").getBytes(StandardCharsets.UTF_8),
        at.plusMillis(500));
    valid.add(id);
  }

  private List<TestRecord<String, byte[]>> deadLetters() {
    return dlq.readRecordsToList();
  }

  private List<String> scored() {
    return scores.readValuesToList().stream()
        .map(DecisionCodec::decodeSummary)
        .map(DecisionSummary::transactionId)
        .toList();
  }

  private static String header(TestRecord<String, byte[]> r, String key) {
    return DeadLetters.header(r.headers(), key);
  }

  @Test
  void shouldDeadLetterAMultiMegabyteValueCutToFitAndScoreWhatFollows() {
    // 3 MB of one character: a few KB once lz4-compressed, so a broker would take it.
    String huge = event("big", "\"" + T0 + "\"", "\"" + "A".repeat(3_000_000) + "\"");

    poisonThenValid(huge);

    TestRecord<String, byte[]> dead = deadLetters().get(0);
    assertThat(dead.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
    assertThat(header(dead, DeadLetters.TRUNCATED)).isEqualTo("value");
    assertThat(header(dead, DeadLetters.ORIGINAL_BYTES)).isEqualTo(String.valueOf(huge.length()));
    assertThat(header(dead, DeadLetters.ERROR_FIELD)).isEqualTo("record");
    assertThat(header(dead, DeadLetters.ERROR_PROBLEM)).contains("exceeds the limit of 65536");
    assertThat(header(dead, DeadLetters.ORIGIN_OFFSET)).isEqualTo("0");
    assertThat(scored()).isEqualTo(valid);
  }

  @Test
  void shouldDeadLetterEveryOverlongMerchantAndKeepTheProfileSmall() {
    for (int i = 0; i < 20; i++) {
      String merchant = "\"" + (char) ('a' + i) + "m".repeat(60_000) + "\"";
      poisonThenValid(event("long-" + i, "\"" + T0 + "\"", merchant));
    }

    List<TestRecord<String, byte[]>> dead = deadLetters();
    assertThat(dead).hasSize(20);
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(header(d, DeadLetters.ERROR_FIELD)).isEqualTo("merchant");
              assertThat(header(d, DeadLetters.ERROR_PROBLEM))
                  .isEqualTo("longer than 128 characters (60001)");
            });
    assertThat(scored()).isEqualTo(valid);
    byte[] profile = driver.<String, byte[]>getKeyValueStore(FraudTopology.PROFILE_STORE).get("u1");
    assertThat(profile.length).isLessThan(4_096);
    assertThat(UserProfileCodec.decode(profile).count()).isEqualTo(20);
  }

  @Test
  void shouldDeadLetterAbsurdAndOutOfWindowEventTimes() {
    List<String> timestamps =
        List.of(
            "\"+10000-01-01T00:00:00Z\"",
            "\"-1000000-01-01T00:00:00Z\"",
            String.valueOf(Long.MAX_VALUE),
            String.valueOf(Long.MIN_VALUE),
            String.valueOf(-Long.MAX_VALUE),
            "\"" + T0.plus(Duration.ofDays(2_000)) + "\"",
            "\"" + T0.minus(Duration.ofDays(2_000)) + "\"");
    for (String timestamp : timestamps) {
      poisonThenValid(event("t-" + sent, timestamp, "\"Grocer\""));
    }

    List<TestRecord<String, byte[]>> dead = deadLetters();
    assertThat(dead).hasSize(timestamps.size());
    assertThat(dead)
        .allSatisfy(d -> assertThat(header(d, DeadLetters.ERROR_FIELD)).isEqualTo("timestamp"));
    assertThat(header(dead.get(0), DeadLetters.ERROR_PROBLEM)).endsWith("years 0000-9999");
    assertThat(header(dead.get(5), DeadLetters.ERROR_PROBLEM)).contains("after the record");
    assertThat(header(dead.get(6), DeadLetters.ERROR_PROBLEM)).contains("before the record");
    assertThat(scored()).isEqualTo(valid);
  }

  @Test
  void shouldDeadLetterNulAndUnpairedSurrogates() {
    List<String> merchants =
        List.of("\"Ama\\u0000zon\"", "\"\\ud800\"", "\"x\\udfff\"", "\"\\ud83d\\u0041\"");
    for (String merchant : merchants) {
      poisonThenValid(event("s-" + sent, "\"" + T0 + "\"", merchant));
    }

    List<TestRecord<String, byte[]>> dead = deadLetters();
    assertThat(dead).hasSize(merchants.size());
    assertThat(dead)
        .extracting(d -> header(d, DeadLetters.ERROR_PROBLEM))
        .containsExactly(
            "contains control character U+0000 at index 3",
            "contains an unpaired surrogate at index 0",
            "contains an unpaired surrogate at index 1",
            "contains an unpaired surrogate at index 0");
    assertThat(scored()).isEqualTo(valid);
  }
}
