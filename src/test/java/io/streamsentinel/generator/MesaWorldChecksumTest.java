package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The mesa world is held out for one blind measurement: its stream must stay byte for byte what it
 * was when it was built, so that the measurement is made on the world as built, whatever shared
 * generator code is changed meanwhile.
 */
class MesaWorldChecksumTest {

  @Test
  void shouldKeepTheMesaStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("b900fe9529cd1a990e6d06ead65827eb70987501eeaadbdcf973f438de2a2bec");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("19e7a93158ea2f59dfdc06b9884fe0a59adbb4f958695dc1788c70f4e4e1d8a5");
  }

  private static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    return DefaultWorldChecksumTest.sha256(settings.withWorld(World.MESA));
  }
}
