package io.streamsentinel.bench;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorService;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublishProgress;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/** Fills {@code synthetic-transactions} with generated transactions before a drain benchmark. */
public final class TransactionPreload {

  /** Fixed, so every scenario and every invocation drains the same transactions. */
  public static final long SEED = 7;

  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private TransactionPreload() {}

  /**
   * Sends {@code records} transactions as fast as the producer takes them and waits for every ack.
   *
   * @throws IllegalStateException when not every record was acknowledged
   */
  public static void run(BenchEnvironment env, long records, int users)
      throws InterruptedException {
    run(env, records, users, simulator(users)::next);
  }

  /** The simulator whose transactions {@link #run(BenchEnvironment, long, int)} sends. */
  public static TransactionSimulator simulator(int users) {
    return new TransactionSimulator(
        new GeneratorSettings(SEED, users, GeneratorSettings.DEFAULT_FRAUD_RATE, START));
  }

  /**
   * Sends the first {@code records} of {@code events} (transactions of {@code users} users) as fast
   * as the producer takes them and waits for every ack.
   *
   * @throws IllegalStateException when not every record was acknowledged
   */
  public static void run(
      BenchEnvironment env, long records, int users, Supplier<Transaction> events)
      throws InterruptedException {
    env.out()
        .accept(
            String.format(
                Locale.ROOT, "Pre-loading %,d transactions (%,d users)...", records, users));
    GeneratorService run =
        new GeneratorService(
            env.clients(),
            events,
            new TransactionCodec(env.kafka().limits()),
            new PublishPlan(TopicCatalog.TRANSACTIONS, 0, records, null),
            ClientMetrics.none());
    PublishProgress progress = new PublishProgress(run.stats(), records);
    try (run) {
      run.start()
          .awaitEnd(env.shutdown(), () -> env.out().accept(progress.line(run.elapsedSeconds())));
    }
    if (run.stats().acked() != records) {
      throw new IllegalStateException("pre-load acked " + run.stats().acked() + " of " + records);
    }
  }
}
