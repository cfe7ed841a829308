package io.streamsentinel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.BrokerSettings;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.EmbeddedKafkaBroker;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.KafkaTestSupport;
import io.streamsentinel.kafka.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training set read back from a real broker: decisions as the detector writes them. */
class TrainingSetReaderIT {

  private static final int DECISIONS = 400;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;

  @BeforeEach
  void startBroker() throws Exception {
    broker =
        new EmbeddedKafkaBroker(new BrokerSettings("localhost", 0, dir.resolve("kafka"), false))
            .start();
    try (Admin admin = KafkaTestSupport.admin(broker)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TopicCatalog.FRAUD_SCORES, 3, (short) 1),
                  new NewTopic(TopicCatalog.FRAUD_FEEDBACK, 3, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void shouldJoinDecisionsWithTheirLatestLabelsAndCountTheRest() throws Exception {
    List<Decision> decided = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      TransactionSimulator simulator =
          new TransactionSimulator(new GeneratorSettings(5, 40, 0.05, START));
      FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
      Map<String, UserProfile> profiles = new HashMap<>();
      for (int i = 0; i < DECISIONS; i++) {
        Transaction tx = simulator.next();
        FraudDetector.Assessment a =
            detector.assess(
                tx,
                profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId())),
                AccountStatus.ACTIVE);
        profiles.put(tx.userId(), a.profile());
        decided.add(a.decision());
        send(
            producer,
            TopicCatalog.FRAUD_SCORES,
            tx.userId(),
            DecisionCodec.encodeDecision(a.decision(), tx));
      }
      // Every other decision labelled; each labelled twice, the later verdict the opposite.
      for (int i = 0; i < DECISIONS; i += 2) {
        Decision d = decided.get(i);
        send(
            producer,
            TopicCatalog.FRAUD_FEEDBACK,
            d.userId(),
            label(d, true, START.plusSeconds(10)));
        send(
            producer,
            TopicCatalog.FRAUD_FEEDBACK,
            d.userId(),
            label(d, i % 4 == 0, START.plusSeconds(20)));
      }
      send(
          producer,
          TopicCatalog.FRAUD_FEEDBACK,
          "u",
          LabelCodec.encode(new Label("orphan", true, null, null, null)));
      send(producer, TopicCatalog.FRAUD_SCORES, "u", "not json".getBytes(StandardCharsets.UTF_8));
      send(producer, TopicCatalog.FRAUD_FEEDBACK, "u", "{}".getBytes(StandardCharsets.UTF_8));
      producer.flush();
    }

    AtomicLong progress = new AtomicLong();
    TrainingSetReader.Result result =
        new TrainingSetReader(new ClientConfigFactory(KafkaSettings.of(broker.bootstrapServers())))
            .read(TrainingSet.builder(), (topic, n) -> progress.incrementAndGet());

    TrainingSet set = result.set();
    assertThat(progress.get()).isEqualTo(DECISIONS + 1 + DECISIONS + 1 + 1);
    assertThat(result.undecodableDecisions()).isEqualTo(1);
    assertThat(result.undecodableLabels()).isEqualTo(1);
    assertThat(set.examples()).hasSize(DECISIONS / 2);
    assertThat(set.unlabelled()).isEqualTo(DECISIONS / 2);
    assertThat(set.orphanLabels()).isEqualTo(1);
    assertThat(set.duplicateDecisions()).isZero();
    assertThat(set.counts()).isEqualTo(new ClassCounts(DECISIONS / 4, DECISIONS / 4));

    Map<String, TrainingExample> byId = new HashMap<>();
    set.examples().forEach(e -> byId.put(e.transactionId(), e));
    for (int i : new int[] {0, 2, 198, 398}) {
      Decision d = decided.get(i);
      TrainingExample e = byId.get(d.transactionId());
      assertThat(e.fraud()).isEqualTo(i % 4 == 0);
      assertThat(e.eventTime()).isEqualTo(d.eventTime());
      double[] expected = d.features().toArray();
      for (int f = 0; f < expected.length; f++) {
        assertThat(e.feature(f)).isCloseTo(expected[f], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    TimeSplit split = set.split(0.8);
    assertThat(split.holdout()).hasSizeLessThanOrEqualTo(DECISIONS / 10).isNotEmpty();
  }

  private static byte[] label(Decision d, boolean fraud, Instant at) {
    return LabelCodec.encode(new Label(d.transactionId(), fraud, d.userId(), Label.IMPORT, at));
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }
}
