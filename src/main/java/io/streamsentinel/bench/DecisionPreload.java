package io.streamsentinel.bench;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.detection.FraudDetector;
import io.streamsentinel.detection.UserProfile;
import io.streamsentinel.domain.AccountStatus;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills {@code fraud-scores} with real decisions before a sink benchmark: generated transactions
 * scored in this process by the detector's own pure scoring, encoded as the detector encodes them.
 */
public final class DecisionPreload {

  private DecisionPreload() {}

  /**
   * @throws IllegalStateException when not every record was acknowledged
   */
  public static void run(BenchEnvironment env, long records, int users)
      throws InterruptedException {
    env.out()
        .accept(
            String.format(Locale.ROOT, "Pre-loading %,d decisions (%,d users)...", records, users));
    TransactionSimulator simulator =
        new TransactionSimulator(
            new GeneratorSettings(
                TransactionPreload.SEED,
                users,
                GeneratorSettings.DEFAULT_FRAUD_RATE,
                TransactionPreload.START));
    FraudDetector detector = FraudDetector.of(RuleSetCodec.loadDefault());
    Map<String, UserProfile> profiles = new HashMap<>();
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            env.clients().producer(ClientCatalog.BENCH + "-preload").toProperties())) {
      for (long i = 0; i < records && failure.get() == null; i++) {
        Transaction tx = simulator.next();
        FraudDetector.Assessment a =
            detector.assess(
                tx,
                profiles.getOrDefault(tx.userId(), UserProfile.empty(tx.userId())),
                AccountStatus.ACTIVE);
        profiles.put(tx.userId(), a.profile());
        producer.send(
            new ProducerRecord<>(
                TopicCatalog.FRAUD_SCORES,
                tx.userId(),
                DecisionCodec.encodeDecision(a.decision(), tx)),
            (metadata, e) -> {
              if (e == null) {
                acked.incrementAndGet();
              } else {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (acked.get() != records) {
      throw new IllegalStateException(
          "pre-load acked " + acked.get() + " of " + records, failure.get());
    }
  }
}
