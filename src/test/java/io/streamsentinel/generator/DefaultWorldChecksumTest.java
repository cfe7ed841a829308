package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.TransactionLimits;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The default world is what the detection rules were tuned on: its stream must stay byte for byte
 * what it was when the checksums below were taken (before worlds existed), whatever other worlds
 * are added beside it.
 */
class DefaultWorldChecksumTest {

  private static final int EVENTS = 50_000;

  @Test
  void shouldKeepTheDefaultStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("23e820eba5b2ace61c2dbb6ac4424e59019ade22ebacbd10eda219649b3fd915");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("266814995e82b9e055166cddf806fcb51e313fef13df9d8cfec0cfbbbde82ad4");
  }

  /** SHA-256 of the first {@link #EVENTS} events as the generator puts them on the wire. */
  static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    TransactionCodec codec = new TransactionCodec(TransactionLimits.DEFAULTS);
    TransactionSimulator simulator = new TransactionSimulator(settings);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < EVENTS; i++) {
      digest.update(codec.encode(simulator.next()));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
