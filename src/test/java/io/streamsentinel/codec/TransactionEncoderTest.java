package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionEncoderTest {

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  @Test
  void shouldWriteExactlyTheCodecsBytesRecordAfterRecord() {
    TransactionEncoder encoder = codec.newEncoder();
    Transaction minimal =
        Transaction.builder()
            .transactionId("tx_1")
            .userId("user_1")
            .amount(new BigDecimal("0.01"))
            .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    TransactionSimulator simulator =
        new TransactionSimulator(GeneratorSettings.withSeed(3).withUsers(500).withFraudRate(0.1));

    for (int i = 0; i < 5_000; i++) {
      Transaction tx =
          switch (i % 100) {
            case 0 -> TransactionCodecTest.everyField();
            case 1 -> minimal;
            default -> simulator.next();
          };
      assertThat(encoder.encode(tx)).as("record %d", i).isEqualTo(codec.encode(tx));
    }
  }

  @Test
  void shouldHandOutAFreshArrayEachTime() {
    TransactionEncoder encoder = codec.newEncoder();
    Transaction tx = TransactionCodecTest.everyField();

    byte[] first = encoder.encode(tx);
    byte[] second = encoder.encode(tx);

    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(codec.decode(first)).isEqualTo(tx);
  }
}
