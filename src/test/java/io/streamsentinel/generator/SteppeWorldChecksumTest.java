package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The steppe world is held out for one blind measurement: its stream must stay byte for byte what
 * it was when it was built, so that the measurement is made on the world as built, whatever shared
 * generator code is changed meanwhile.
 */
class SteppeWorldChecksumTest {

  @Test
  void shouldKeepTheSteppeStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("2fdced33aaabd0a00afb4120da2b60d153287660ca1bd2f688d580f3636f17c3");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("cfb283fd5576ffb2c7df1679311418e346a70081a56e5cc385a4b5e024c18f82");
  }

  private static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    return DefaultWorldChecksumTest.sha256(settings.withWorld(World.STEPPE));
  }
}
