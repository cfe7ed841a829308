package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link TransactionCodec#decode}: whatever arrives, it refuses with an {@link
 * InvalidTransactionException} or accepts a transaction that encodes to bytes it reads back equal.
 */
class TransactionCodecFuzzTest {

  private static final TransactionCodec CODEC = new TransactionCodec(TransactionLimits.DEFAULTS);

  /** Valid records: every field, the fewest fields, and the spellings the reader also accepts. */
  private static final List<byte[]> SEEDS =
      List.of(
          CODEC.encode(TransactionCodecTest.everyField()),
          CODEC.encode(
              Transaction.builder()
                  .transactionId("t")
                  .userId("u")
                  .amount(new BigDecimal("0.01"))
                  .timestamp(Instant.parse("0000-01-01T00:00:00Z"))
                  .build()),
          CODEC.encode(
              Transaction.builder()
                  .transactionId("tx_😀")
                  .userId("user_9")
                  .amount(new BigDecimal("1000000.00"))
                  .timestamp(Instant.parse("9999-12-31T23:59:59.999999999Z"))
                  .latitude(-90.0)
                  .longitude(180.0)
                  .channel(Channel.ONLINE)
                  .isFraud(false)
                  .build()),
          Mutations.utf8(
              "{\"transaction_id\":12345,\"user_id\":7,\"amount\":\"250.00\","
                  + "\"timestamp\":1756218600000,\"channel\":\"ATM\",\"extra\":[1,{\"a\":null}]}"));

  @Provide
  Arbitrary<Mutations.Mutant> mutants() {
    return Mutations.ofJson(SEEDS);
  }

  @Property
  void shouldRefuseOnlyWithInvalidTransactionException(@ForAll("mutants") Mutations.Mutant input) {
    boolean accepted =
        Decoding.accepted(InvalidTransactionException.class, () -> CODEC.decode(input.bytes()))
            .isPresent();
    Decoding.countAccepted(accepted, 5);
  }

  @Property
  void shouldReadBackEveryAcceptedTransactionFromItsEncoding(
      @ForAll("mutants") Mutations.Mutant input) {
    Decoding.accepted(InvalidTransactionException.class, () -> CODEC.decode(input.bytes()))
        .ifPresent(
            tx -> {
              byte[] encoded = CODEC.encode(tx);
              assertThat(encoded).isEqualTo(JacksonTransactionWriter.write(tx));
              assertThat(CODEC.decode(encoded)).isEqualTo(tx);
            });
  }

  /** Jackson takes these bytes for UTF-32 and fails with a CharConversionException. */
  static final byte[] NOT_UTF_32 = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 's', 'i', 'o', 'n'};

  @Example
  void shouldRefuseBytesThatLookLikeUtf32AsInvalidTransaction() {
    assertThat(Decoding.accepted(InvalidTransactionException.class, () -> CODEC.decode(NOT_UTF_32)))
        .isEmpty();
  }
}
