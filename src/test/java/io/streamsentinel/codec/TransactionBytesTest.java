package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Transaction;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.TransactionSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The transaction's bytes, held against those Jackson's generator writes for it. */
class TransactionBytesTest {

  private final TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);

  private static final Transaction MINIMAL =
      Transaction.builder()
          .transactionId("tx_1")
          .userId("user_1")
          .amount(new BigDecimal("0.01"))
          .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
          .build();

  @Test
  void shouldWriteJacksonsBytesForSimulatedRecords() {
    TransactionSimulator simulator =
        new TransactionSimulator(GeneratorSettings.withSeed(3).withUsers(500).withFraudRate(0.1));

    for (int i = 0; i < 5_000; i++) {
      Transaction tx =
          switch (i % 100) {
            case 0 -> TransactionCodecTest.everyField();
            case 1 -> MINIMAL;
            default -> simulator.next();
          };
      assertThat(codec.encode(tx)).as("record %d", i).isEqualTo(JacksonTransactionWriter.write(tx));
    }
  }

  /** Coordinates at every number of decimals, tiny, negative zero and at the bounds. */
  @Test
  void shouldWriteEveryCoordinateAsJacksonDoes() {
    SplittableRandom random = new SplittableRandom(16);
    double[] edges = {
      0.0,
      -0.0,
      0.001,
      -0.001,
      0.000999,
      0.0009999999,
      1e-7,
      90.0,
      -90.0,
      180.0,
      -180.0,
      89.9999995,
      0.1 + 0.2,
      1.0 / 3,
      12.3456785,
      Double.MIN_VALUE,
      45.000001,
      -45.0000005
    };
    for (int i = 0; i < 50_000; i++) {
      double latitude = i < edges.length ? edges[i] / 2 : coordinate(random, 90);
      double longitude = i < edges.length ? -edges[i] : coordinate(random, 180);
      Transaction tx =
          Transaction.builder()
              .transactionId("tx_" + i)
              .userId("user_1")
              .amount(new BigDecimal("1.00"))
              .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
              .latitude(latitude)
              .longitude(longitude)
              .build();
      assertThat(codec.encode(tx))
          .as("latitude %s, longitude %s", latitude, longitude)
          .isEqualTo(JacksonTransactionWriter.write(tx));
    }
  }

  /** Random text of every kind of char: ASCII, escapes, two- and three-byte UTF-8, surrogates. */
  @Test
  void shouldWriteEveryTextAndAmountAsJacksonDoes() {
    SplittableRandom random = new SplittableRandom(61);
    Channel[] channels = Channel.values();
    for (int i = 0; i < 10_000; i++) {
      Transaction tx =
          Transaction.builder()
              .eventType(text(random, 1 + random.nextInt(12)))
              .transactionId("tx_" + i)
              .userId("user_" + random.nextInt(1_000))
              .amount(
                  BigDecimal.valueOf(
                      1 + random.nextLong(Long.MAX_VALUE - 1), random.nextInt(-3, 12)))
              .timestamp(
                  Instant.ofEpochSecond(
                      random.nextLong(-100_000_000_000L, 320_000_000_000L),
                      random.nextInt(1_000_000_000)))
              .merchant(random.nextBoolean() ? null : text(random, random.nextInt(40)))
              .currency(random.nextBoolean() ? null : text(random, 3))
              .merchantCategory(random.nextBoolean() ? null : text(random, random.nextInt(20)))
              .country(random.nextBoolean() ? null : text(random, 2))
              .city(random.nextBoolean() ? null : text(random, random.nextInt(30)))
              .channel(random.nextBoolean() ? null : channels[random.nextInt(channels.length)])
              .deviceId(random.nextBoolean() ? null : text(random, random.nextInt(16)))
              .cardLast4(
                  random.nextBoolean() ? null : String.format("%04d", random.nextInt(10_000)))
              .isFraud(random.nextBoolean() ? null : random.nextBoolean())
              .fraudPattern(random.nextBoolean() ? null : text(random, random.nextInt(20)))
              .build();
      assertThat(codec.encode(tx)).as("record %d", i).isEqualTo(JacksonTransactionWriter.write(tx));
    }
  }

  @Test
  void shouldHandOutAFreshArrayEachTime() {
    Transaction tx = TransactionCodecTest.everyField();

    byte[] first = codec.encode(tx);
    byte[] second = codec.encode(tx);

    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(codec.decode(first)).isEqualTo(tx);
  }

  /** A huge text, then a small record: the buffer grows, shrinks back, and both are right. */
  @Test
  void shouldWriteAHugeTextAndThenASmallRecord() {
    Transaction huge =
        Transaction.builder()
            .transactionId("tx_huge")
            .userId("user_1")
            .amount(new BigDecimal("1"))
            .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .merchant("\u20ac\"\\\n".repeat(30_000))
            .build();

    assertThat(codec.encode(huge)).isEqualTo(JacksonTransactionWriter.write(huge));
    assertThat(codec.encode(MINIMAL)).isEqualTo(JacksonTransactionWriter.write(MINIMAL));
  }

  /** A coordinate with 0 to 16 decimals, so both of the writer's paths are taken often. */
  private static double coordinate(SplittableRandom random, double bound) {
    double v = random.nextDouble(-bound, bound);
    int decimals = random.nextInt(17);
    double scale = Math.pow(10, decimals);
    return decimals == 16 ? v : Math.round(v * scale) / scale;
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(
          switch (random.nextInt(6)) {
            case 0 -> (char) random.nextInt(0x20); // control chars: escaped
            case 1 -> "\"\\/".charAt(random.nextInt(3));
            case 2 -> (char) random.nextInt(0x80, 0x800);
            case 3 -> (char) random.nextInt(0x800, 0x10000); // surrogates among them
            default -> (char) random.nextInt(0x20, 0x80); // DEL (0x7F) is not escaped
          });
    }
    return s.toString();
  }
}
