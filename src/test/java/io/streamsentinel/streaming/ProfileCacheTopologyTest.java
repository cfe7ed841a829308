package io.streamsentinel.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector's cache of decoded profiles changes nothing it writes: the same stream, duplicates
 * included, gives byte for byte the same decisions, alerts and stored profiles with no cache, with
 * a cache so small that it evicts all the time, and with the default one.
 */
class ProfileCacheTopologyTest {

  private static final int USERS = 150;
  private static final int EVENTS = 6_000;

  @TempDir Path stateDir;

  @Test
  void shouldWriteTheSameWhateverTheCacheHolds() {
    List<List<byte[]>> none = run(0, "none");
    List<List<byte[]>> tiny = run(16, "tiny");
    List<List<byte[]>> standard = run(DetectionProcessor.PROFILE_CACHE_SIZE, "standard");
    assertThat(none.get(0)).hasSizeGreaterThan(EVENTS - EVENTS / 40); // duplicates dropped
    assertThat(none.get(1)).isNotEmpty(); // some alerts
    for (List<List<byte[]>> cached : List.of(tiny, standard)) {
      for (int output = 0; output < none.size(); output++) {
        assertThat(cached.get(output)).hasSameSizeAs(none.get(output));
        for (int i = 0; i < none.get(output).size(); i++) {
          assertThat(cached.get(output).get(i))
              .as("output %d record %d", output, i)
              .isEqualTo(none.get(output).get(i));
        }
      }
    }
  }

  /** Decisions, alerts and the profiles stored at the end, in that order. */
  private List<List<byte[]>> run(int cacheSize, String name) {
    DetectorSettings settings =
        new DetectorSettings(
            RuleSetCodec.loadDefault(), 0.5, Duration.ofHours(24), TransactionLimits.DEFAULTS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "profile-cache-" + name);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(
                5,
                USERS,
                GeneratorSettings.DEFAULT_FRAUD_RATE,
                Instant.parse("2026-02-01T00:00:00Z")));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            FraudTopology.build(
                settings, new DetectorCounters(), DriftMonitor.disabled(), cacheSize),
            props)) {
      TestInputTopic<String, byte[]> input =
          driver.createInputTopic(
              DetectorSettings.INPUT_TOPIC,
              Serdes.String().serializer(),
              Serdes.ByteArray().serializer());
      List<String> users = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        Transaction tx = simulator.next();
        byte[] bytes = codec.encode(tx);
        input.pipeInput(tx.userId(), bytes, tx.timestamp());
        if (i % 50 == 0) {
          input.pipeInput(tx.userId(), bytes, tx.timestamp()); // a duplicate, dropped
        }
        users.add(tx.userId());
      }
      List<byte[]> profiles = new ArrayList<>();
      var store = driver.<String, byte[]>getKeyValueStore(FraudTopology.PROFILE_STORE);
      users.stream().distinct().sorted().forEach(user -> profiles.add(store.get(user)));
      return List.of(
          values(driver, DetectorSettings.SCORES_TOPIC),
          values(driver, DetectorSettings.ALERTS_TOPIC),
          profiles);
    }
  }

  private static List<byte[]> values(TopologyTestDriver driver, String topic) {
    return driver
        .createOutputTopic(topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
        .readValuesToList();
  }
}
