package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.internals.ClientUtils;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ClientConfigFactoryTest {

  private static ClientConfigFactory factory(TuningProfile profile, String... overrides) {
    List<KafkaOverride> parsed =
        java.util.Arrays.stream(overrides)
            .map(o -> KafkaOverride.parse(o, "--kafka-prop"))
            .toList();
    return new ClientConfigFactory(new KafkaSettings("broker:9092", profile, parsed));
  }

  /** Settings of a one-thread Streams application {@code app} under {@code guarantee}. */
  private static StreamsSettings app(StreamsSettings.Guarantee guarantee) {
    return new StreamsSettings("app", guarantee, 1, Path.of("s"), null);
  }

  @Test
  void streamsShouldAnnounceTheHttpEndpointOnlyWhenThereIsOne() {
    StreamsSettings settings = app(StreamsSettings.Guarantee.EXACTLY_ONCE);

    assertThat(factory(TuningProfile.BALANCED).streams(settings).toProperties())
        .doesNotContainKey("application.server");
    ClientConfig withEndpoint =
        factory(TuningProfile.BALANCED)
            .streams(settings.withEndpoint(new HostInfo("detector-1", 8081)));
    assertThat(withEndpoint.toProperties()).containsEntry("application.server", "detector-1:8081");
    assertThat(withEndpoint.entries())
        .anySatisfy(
            e -> {
              assertThat(e.key()).isEqualTo("application.server");
              assertThat(e.source()).isEqualTo("--http-host/--http-port");
            });
  }

  @Test
  void transactionalProducersShouldRetrySoonAfterTheirPreviousTransaction() {
    ClientConfigFactory f = factory(TuningProfile.BALANCED);
    String backoff = String.valueOf(ClientConfigFactory.TRANSACTION_RETRY_BACKOFF_MS);
    assertThat(f.transactionalProducer("r", "r").toProperties())
        .containsEntry("retry.backoff.ms", backoff);
    assertThat(f.streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE)).toProperties())
        .containsEntry("producer.retry.backoff.ms", backoff);
    // Not transactional: Kafka's default stays.
    assertThat(f.producer("p").toProperties()).doesNotContainKey("retry.backoff.ms");
    assertThat(f.streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE)).toProperties())
        .doesNotContainKey("producer.retry.backoff.ms");
    // The user's override still wins.
    assertThat(
            factory(TuningProfile.BALANCED, "producer.retry.backoff.ms=50")
                .transactionalProducer("r", "r")
                .toProperties())
        .containsEntry("retry.backoff.ms", "50");
  }

  @Test
  void everyClientShouldLeaveItsSocketBuffersToTheOperatingSystemUnlessOverridden() {
    ClientConfigFactory f = factory(TuningProfile.BALANCED);
    for (ClientConfig c :
        List.of(
            f.producer("p"),
            f.transactionalProducer("t", "t"),
            f.consumer("c", "g", "earliest"),
            f.promptConsumer("r", "g", "latest"),
            f.admin("a"))) {
      assertThat(c.toProperties())
          .as(c.clientKind() + " " + c.get("client.id"))
          .containsEntry("receive.buffer.bytes", "-1")
          .containsEntry("send.buffer.bytes", "-1");
    }
    // Kafka Streams hands them on to every inner client.
    for (StreamsSettings.Guarantee g : StreamsSettings.Guarantee.values()) {
      StreamsConfig streams = new StreamsConfig(f.streams(app(g)).toProperties());
      for (Map<String, Object> inner :
          List.of(
              streams.getMainConsumerConfigs("g", "c", 0),
              streams.getRestoreConsumerConfigs("c"),
              streams.getProducerConfigs("p"),
              streams.getAdminConfigs("a"))) {
        assertThat(inner)
            .containsEntry("receive.buffer.bytes", "-1")
            .containsEntry("send.buffer.bytes", "-1");
      }
    }
    // The user's override still wins.
    assertThat(
            factory(TuningProfile.BALANCED, "consumer.receive.buffer.bytes=65536")
                .consumer("c", "g", "earliest")
                .toProperties())
        .containsEntry("receive.buffer.bytes", "65536");
  }

  @Test
  void balancedProfileShouldUseTheGuidesProducerValuesWith64KbBatches() {
    ClientConfig producer = factory(TuningProfile.BALANCED).producer("p");
    assertThat(producer.toProperties())
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("linger.ms", "5")
        .containsEntry("compression.type", "snappy")
        .containsEntry("acks", "all")
        .containsEntry("batch.size", "65536")
        .containsEntry("buffer.memory", String.valueOf(32 * 1024 * 1024))
        .containsEntry("enable.idempotence", "true")
        .containsKeys("retries", "delivery.timeout.ms");
  }

  @Test
  void streamsInnerProducerShouldBatchAsTheProfileSays() {
    // The setting the benchmarks measured (docs/performance-rounds.md, fifth round) is this one.
    for (var guarantee : StreamsSettings.Guarantee.values()) {
      StreamsSettings settings = app(guarantee);
      assertThat(factory(TuningProfile.BALANCED).streams(settings).toProperties())
          .containsEntry("producer.batch.size", "65536")
          .containsEntry("producer.compression.type", "snappy");
    }
  }

  @Test
  void
      streamsInnerProducerShouldLinger20MsUnderAtLeastOnceWithBalancedAndTheProfilesLingerOtherwise() {
    // docs/performance-rounds.md, twenty-seventh round: the detector's producer at 20 ms lowered
    // the
    // p99, alert -> action and the JVM's CPU under at_least_once; every producer at 20 ms raised
    // the
    // p50 to 38.5-43.5 ms, so the other producers keep 5.
    Map.of(
            TuningProfile.BALANCED, "20",
            TuningProfile.LOW_LATENCY, "0",
            TuningProfile.HIGH_THROUGHPUT, "100")
        .forEach(
            (profile, linger) -> {
              ClientConfigFactory f = factory(profile);
              assertThat(
                      new StreamsConfig(
                              f.streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE))
                                  .toProperties())
                          .getProducerConfigs("p"))
                  .as(profile.cliName())
                  .containsEntry("linger.ms", linger);
              assertThat(f.producer("generator").get("linger.ms"))
                  .as(profile.cliName())
                  .isEqualTo(String.valueOf(profile.producer().lingerMs()));
            });
    // A user's own linger still wins, in each form.
    for (String linger :
        new String[] {"producer.linger.ms=7", "streams.producer.linger.ms=7", "linger.ms=7"}) {
      assertThat(
              factory(TuningProfile.BALANCED, linger)
                  .streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE))
                  .toProperties())
          .as(linger)
          .containsEntry("producer.linger.ms", "7");
    }
  }

  @Test
  void streamsInnerProducerShouldLingerUntilTheCommitUnderExactlyOnceWhateverTheProfile() {
    // Nothing it sends is visible to read_committed readers before the commit
    // (docs/performance-rounds.md, eleventh round).
    for (TuningProfile profile : TuningProfile.values()) {
      ClientConfig streams = factory(profile).streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE));
      String interval = String.valueOf(profile.exactlyOnceCommitIntervalMs());
      assertThat(new StreamsConfig(streams.toProperties()).getProducerConfigs("p"))
          .as(profile.cliName())
          .containsEntry("linger.ms", interval);
      assertThat(streams.toProperties())
          .as(profile.cliName())
          .containsEntry("commit.interval.ms", interval);
    }
    // As long as the commit interval the user gives, plain or for Streams.
    for (String interval :
        new String[] {"commit.interval.ms=250", "streams.commit.interval.ms=250"}) {
      assertThat(
              factory(TuningProfile.BALANCED, interval)
                  .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE))
                  .toProperties())
          .as(interval)
          .containsEntry("producer.linger.ms", "250")
          .containsEntry("commit.interval.ms", "250");
    }
    // A user's own linger still wins, in each form.
    for (String linger :
        new String[] {"producer.linger.ms=7", "streams.producer.linger.ms=7", "linger.ms=7"}) {
      ClientConfig streams =
          factory(TuningProfile.BALANCED, linger)
              .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE));
      assertThat(new StreamsConfig(streams.toProperties()).getProducerConfigs("p"))
          .as(linger)
          .containsEntry("linger.ms", "7");
    }
  }

  @Test
  void balancedProfileShouldUseTheGuidesConsumerValues() {
    ClientConfig consumer = factory(TuningProfile.BALANCED).consumer("c", "g", "earliest");
    assertThat(consumer.toProperties())
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("max.poll.records", "1000")
        .containsEntry("fetch.min.bytes", "1024")
        .containsEntry("session.timeout.ms", "30000")
        .containsEntry("group.id", "g")
        .containsEntry("auto.offset.reset", "earliest");
  }

  @Test
  void lowLatencyProfileShouldSendAtOnceWithLeaderAcksAndCommitEvery50Ms() {
    ClientConfigFactory f = factory(TuningProfile.LOW_LATENCY);
    assertThat(f.producer("p").toProperties())
        .containsEntry("linger.ms", "0")
        .containsEntry("acks", "1")
        .containsEntry("enable.idempotence", "false")
        // balanced's batches and codec: 4 KB uncompressed batches slowed every commit's flush
        .containsEntry("batch.size", "65536")
        .containsEntry("compression.type", "snappy");
    assertThat(f.consumer("c", "g", "latest").toProperties())
        .containsEntry("fetch.min.bytes", "1")
        .containsEntry("fetch.max.wait.ms", "10")
        .containsEntry("max.poll.records", "100");
    ClientConfig exactlyOnce = f.streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE));
    assertThat(exactlyOnce.toProperties())
        .containsEntry("commit.interval.ms", "50")
        .containsEntry("producer.linger.ms", "50");
    assertThat(exactlyOnce.entries())
        .filteredOn(e -> e.key().equals("commit.interval.ms"))
        .extracting(ClientConfig.Entry::source)
        .containsExactly("profile low-latency");
    // Under at_least_once outputs are visible as written: Streams' own interval stands.
    assertThat(f.streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE)).toProperties())
        .doesNotContainKey("commit.interval.ms");
    // The user's interval still wins.
    assertThat(
            factory(TuningProfile.LOW_LATENCY, "streams.commit.interval.ms=20")
                .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE))
                .toProperties())
        .containsEntry("commit.interval.ms", "20")
        .containsEntry("producer.linger.ms", "20");
  }

  @Test
  void balancedProfileShouldCommitEvery50MsUnderExactlyOnceAndHighThroughputKeepStreams100() {
    // docs/performance-rounds.md, twenty-fifth and twenty-sixth rounds: 50 ms took the e2e p50 down
    // about 15 ms and the p99 from 116-232.5 to 96-155 ms for about the same CPU;
    // high-throughput keeps Kafka Streams' own interval.
    Map.of(
            TuningProfile.BALANCED, "50",
            TuningProfile.LOW_LATENCY, "50",
            TuningProfile.HIGH_THROUGHPUT, "100")
        .forEach(
            (profile, interval) ->
                assertThat(
                        factory(profile)
                            .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE))
                            .toProperties())
                    .as(profile.cliName())
                    .containsEntry("commit.interval.ms", interval)
                    .containsEntry("producer.linger.ms", interval));
  }

  @Test
  void highThroughputProfileShouldBatchBigWithGzip() {
    ClientConfigFactory f = factory(TuningProfile.HIGH_THROUGHPUT);
    assertThat(f.producer("p").toProperties())
        .containsEntry("linger.ms", "100")
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "gzip")
        .containsEntry("batch.size", "32768");
    assertThat(f.consumer("c", "g", "latest").toProperties())
        .containsEntry("fetch.min.bytes", "32768")
        .containsEntry("fetch.max.wait.ms", "5000")
        .containsEntry("max.poll.records", "10000");
  }

  @Test
  void batchConsumerShouldUseTheGuidesAnalyticsValuesUnlessOverridden() {
    assertThat(factory(TuningProfile.BALANCED).batchConsumer("a", "analytics-group").toProperties())
        .containsEntry("group.id", "analytics-group")
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("max.poll.records", "10000")
        .containsEntry("fetch.max.wait.ms", "5000")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false");
    assertThat(
            factory(TuningProfile.BALANCED, "consumer.max.poll.records=500")
                .batchConsumer("a", "g")
                .toProperties())
        .containsEntry("max.poll.records", "500");
  }

  @Test
  void promptConsumerShouldAnswerAFetchAtOnceUnlessOverridden() {
    assertThat(
            factory(TuningProfile.BALANCED)
                .promptConsumer("r", "alert-response-group", "earliest")
                .toProperties())
        .containsEntry("group.id", "alert-response-group")
        .containsEntry("fetch.min.bytes", "1")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false");
    assertThat(
            factory(TuningProfile.BALANCED, "consumer.fetch.min.bytes=2048")
                .promptConsumer("r", "g", "earliest")
                .toProperties())
        .containsEntry("fetch.min.bytes", "2048");
  }

  @Test
  void scopedOverridesShouldReachOnlyTheirKindOfClient() {
    ClientConfigFactory f =
        factory(
            TuningProfile.BALANCED,
            "producer.linger.ms=42",
            "consumer.max.poll.records=7",
            "metrics.num.samples=3");
    ClientConfig producer = f.producer("p");
    ClientConfig consumer = f.consumer("c", "g", "earliest");
    assertThat(producer.get("linger.ms")).isEqualTo("42");
    assertThat(producer.get("max.poll.records")).isNull();
    assertThat(consumer.get("max.poll.records")).isEqualTo("7");
    assertThat(consumer.get("linger.ms")).isNull();
    assertThat(producer.get("metrics.num.samples")).isEqualTo("3");
    assertThat(f.admin("a").get("metrics.num.samples")).isEqualTo("3");
    assertThat(producer.entries())
        .filteredOn(e -> e.key().equals("linger.ms"))
        .singleElement()
        .satisfies(e -> assertThat(e.source()).isEqualTo("--kafka-prop"));
  }

  @Test
  void aStreamsScopedOverrideShouldWinOverAProducerScopedOneWhateverTheOrder() {
    // Every producer lingering 20 ms but the detector's, which keeps the commit interval: before,
    // producer.linger.ms won over streams.producer.linger.ms and the detector got 20 too.
    for (String[] props :
        new String[][] {
          {"producer.linger.ms=20", "streams.producer.linger.ms=50"},
          {"streams.producer.linger.ms=50", "producer.linger.ms=20"}
        }) {
      ClientConfigFactory f = factory(TuningProfile.BALANCED, props);
      for (StreamsSettings.Guarantee g : StreamsSettings.Guarantee.values()) {
        assertThat(new StreamsConfig(f.streams(app(g)).toProperties()).getProducerConfigs("p"))
            .as(String.join(" ", props) + " under " + g)
            .containsEntry("linger.ms", "50");
      }
      assertThat(f.producer("generator").get("linger.ms")).isEqualTo("20");
    }
    // and streams.x over consumer.x
    ClientConfig streams =
        factory(
                TuningProfile.BALANCED,
                "streams.consumer.fetch.max.wait.ms=5",
                "consumer.fetch.max.wait.ms=9")
            .streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE));
    assertThat(new StreamsConfig(streams.toProperties()).getMainConsumerConfigs("g", "c", 0))
        .containsEntry("fetch.max.wait.ms", "5");
  }

  @Test
  void anOverrideForEveryClientShouldReachStreamsInnerClientsOverTheProfilesPrefixedValue() {
    // The profile sets consumer.session.timeout.ms (30 s) and producer.linger.ms for Streams, and
    // Kafka Streams lets a prefixed key win over a plain one: before, --kafka-prop
    // session.timeout.ms=6000 was shown as in force but the main consumer still got 30 s.
    ClientConfig streams =
        factory(TuningProfile.BALANCED, "session.timeout.ms=6000", "linger.ms=9")
            .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE));
    StreamsConfig config = new StreamsConfig(streams.toProperties());

    assertThat(config.getMainConsumerConfigs("g", "c", 0))
        .containsEntry("session.timeout.ms", "6000");
    assertThat(config.getProducerConfigs("p")).containsEntry("linger.ms", "9");
    assertThat(streams.entries())
        .filteredOn(e -> e.key().endsWith("session.timeout.ms"))
        .allSatisfy(e -> assertThat(e.source()).isEqualTo("--kafka-prop"));
  }

  @Test
  void aScopedOverrideShouldWinOverAPlainOneForStreamsWhateverTheOrder() {
    ClientConfig streams =
        factory(TuningProfile.BALANCED, "producer.linger.ms=42", "linger.ms=9")
            .streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE));

    assertThat(new StreamsConfig(streams.toProperties()).getProducerConfigs("p"))
        .containsEntry("linger.ms", "42");
    // streams.x over a plain x too
    ClientConfig streamsScoped =
        factory(TuningProfile.BALANCED, "streams.linger.ms=5", "linger.ms=9")
            .streams(app(StreamsSettings.Guarantee.AT_LEAST_ONCE));
    assertThat(new StreamsConfig(streamsScoped.toProperties()).getProducerConfigs("p"))
        .containsEntry("linger.ms", "5");
    // and so for a plain producer
    assertThat(
            factory(TuningProfile.BALANCED, "producer.linger.ms=42", "linger.ms=9")
                .producer("p")
                .get("linger.ms"))
        .isEqualTo("42");
  }

  @Test
  void shouldRejectAnOverrideWithoutEquals() {
    assertThatThrownBy(() -> KafkaOverride.parse("linger.ms", "--kafka-prop"))
        .hasMessageContaining("key=value")
        .hasMessageContaining("linger.ms");
  }

  @Test
  void shouldParseProfileNamesAndNameTheChoicesOnError() {
    assertThat(TuningProfile.fromCliName("high-throughput"))
        .isEqualTo(TuningProfile.HIGH_THROUGHPUT);
    assertThat(TuningProfile.fromCliName("LOW_LATENCY")).isEqualTo(TuningProfile.LOW_LATENCY);
    assertThatThrownBy(() -> TuningProfile.fromCliName("fast"))
        .hasMessageContaining("fast")
        .hasMessageContaining("balanced, low-latency, high-throughput");
  }

  /**
   * Kafka Streams builds a second configuration from the main consumer's settings for its partition
   * assignor, and warns on every start that the processing exception handler does not cover the
   * global thread unless that configuration carries the flag too.
   */
  @Test
  void streamsShouldEnableTheGlobalProcessingHandlerAlsoWhereTheAssignorReadsIt() {
    StreamsConfig config =
        new StreamsConfig(
            factory(TuningProfile.BALANCED)
                .streams(app(StreamsSettings.Guarantee.EXACTLY_ONCE))
                .toProperties());
    String flag = ClientConfigFactory.GLOBAL_PROCESSING_HANDLER;

    assertThat(config.getBoolean(flag)).isTrue();
    assertThat(
            new ClientUtils.QuietStreamsConfig(config.getMainConsumerConfigs("app", "app-c", 0))
                .getBoolean(flag))
        .isTrue();
  }
}
