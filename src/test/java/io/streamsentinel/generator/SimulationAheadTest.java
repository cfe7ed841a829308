package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.domain.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulationAheadTest {

  private static final GeneratorSettings SETTINGS =
      GeneratorSettings.withSeed(0x5eed).withUsers(500).withFraudRate(0.05);

  private static byte[] encode(Transaction tx) {
    return tx.transactionId().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldHandOutTheSimulatorsEventsInItsOrder() {
    int count = 3 * SimulationAhead.BATCH + 7;
    List<Transaction> expected = SimulatedStream.take(SETTINGS, count).events();
    try (SimulationAhead ahead =
        new SimulationAhead(
            new TransactionSimulator(SETTINGS)::next, SimulationAheadTest::encode)) {
      List<EncodedTransaction> got = IntStream.range(0, count).mapToObj(i -> ahead.get()).toList();

      assertThat(got)
          .extracting(e -> new String(e.value(), StandardCharsets.UTF_8))
          .containsExactlyElementsOf(expected.stream().map(Transaction::transactionId).toList());
      assertThat(got)
          .extracting(EncodedTransaction::userId)
          .containsExactlyElementsOf(expected.stream().map(Transaction::userId).toList());
      assertThat(got)
          .extracting(EncodedTransaction::fraudPattern)
          .containsExactlyElementsOf(expected.stream().map(Transaction::fraudPattern).toList());
    }
  }

  @Test
  void shouldFailTheConsumerWithTheSimulationsError() {
    TransactionSimulator simulator = new TransactionSimulator(SETTINGS);
    int[] made = {0};
    try (SimulationAhead ahead =
        new SimulationAhead(
            () -> {
              if (++made[0] > 10) {
                throw new IllegalArgumentException("broken simulation");
              }
              return simulator.next();
            },
            SimulationAheadTest::encode)) {
      assertThatThrownBy(ahead::get)
          .isInstanceOf(IllegalStateException.class)
          .hasRootCauseMessage("broken simulation");
    }
  }
}
