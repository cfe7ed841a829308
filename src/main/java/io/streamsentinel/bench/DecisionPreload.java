package io.streamsentinel.bench;

import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import java.util.Locale;
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
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            env.clients().producer(ClientCatalog.BENCH + "-preload").toProperties())) {
      SimulatedHistory.play(
          new GeneratorSettings(
              TransactionPreload.SEED,
              users,
              GeneratorSettings.DEFAULT_FRAUD_RATE,
              TransactionPreload.START),
          records,
          () -> failure.get() == null,
          (tx, decision) ->
              producer.send(
                  new ProducerRecord<>(
                      TopicCatalog.FRAUD_SCORES,
                      tx.userId(),
                      DecisionCodec.encodeDecision(decision, tx)),
                  (metadata, e) -> {
                    if (e == null) {
                      acked.incrementAndGet();
                    } else {
                      failure.compareAndSet(null, e);
                    }
                  }));
      producer.flush();
    }
    if (acked.get() != records) {
      throw new IllegalStateException(
          "pre-load acked " + acked.get() + " of " + records, failure.get());
    }
  }
}
