package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The savanna world is held out for one blind measurement: its stream must stay byte for byte what
 * it was when it was built, so that the measurement is made on the world as built, whatever shared
 * generator code is changed meanwhile.
 */
class SavannaWorldChecksumTest {

  @Test
  void shouldKeepTheSavannaStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("01742aea165322ee1db5d4804181ea7c223bad016df429a5a0da29ad236bc0c5");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("f65db6c8a99547079ef0ea2633b90b73f1d890429bf86c6e8a99deec501109fd");
  }

  private static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    return DefaultWorldChecksumTest.sha256(settings.withWorld(World.SAVANNA));
  }
}
