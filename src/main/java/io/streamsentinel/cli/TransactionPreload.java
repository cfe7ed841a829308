package io.streamsentinel.cli;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Instant;
import java.util.Locale;

/** Fills {@code synthetic-transactions} with generated transactions before a drain benchmark. */
final class TransactionPreload {

  /** Fixed, so every scenario and every invocation drains the same transactions. */
  static final long SEED = 7;

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private TransactionPreload() {}

  /**
   * Sends {@code records} transactions as fast as the producer takes them and waits for every ack.
   *
   * @throws IllegalStateException when not every record was acknowledged
   */
  static void run(CliContext context, BenchEnvironment env, long records, int users)
      throws InterruptedException {
    context
        .out()
        .printf(Locale.ROOT, "Pre-loading %,d transactions (%,d users)...%n", records, users);
    GeneratorSettings settings =
        new GeneratorSettings(SEED, users, GeneratorSettings.DEFAULT_FRAUD_RATE, START);
    GeneratorRun run =
        new GeneratorRun(
            env.clients(),
            settings,
            new TransactionCodec(env.kafka().configFile().transactionLimits()),
            new PublishPlan(TopicCatalog.TRANSACTIONS, 0, records, null));
    PublishProgress progress = new PublishProgress(run.stats(), records);
    try (run) {
      run.awaitEnd(
          context.shutdown(), () -> context.out().println(progress.line(run.elapsedSeconds())));
    }
    if (run.stats().acked() != records) {
      throw new IllegalStateException("pre-load acked " + run.stats().acked() + " of " + records);
    }
  }
}
