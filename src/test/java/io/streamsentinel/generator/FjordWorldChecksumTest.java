package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The fjord world has been used for a measurement: its stream must stay byte for byte what it was
 * when the checksums below were taken (before a fourth world existed), so that the measurement can
 * be repeated on the same events whatever other worlds are added beside it.
 */
class FjordWorldChecksumTest {

  @Test
  void shouldKeepTheFjordStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("409f7bc04f549cdb723eca793e8746755d52e7b51c24359677d7d25bc5d7e05c");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("051a8743eb9bdd179babaaaeda261cce6d737d9b6b53417d22d12266b0058cc1");
  }

  private static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    return DefaultWorldChecksumTest.sha256(settings.withWorld(World.FJORD));
  }
}
