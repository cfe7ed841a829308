package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * The harbor world has been used for a measurement: its stream must stay byte for byte what it was
 * when the checksums below were taken (before a third world existed), so that the measurement can
 * be repeated on the same events whatever other worlds are added beside it.
 */
class HarborWorldChecksumTest {

  @Test
  void shouldKeepTheHarborStreamByteIdentical() throws NoSuchAlgorithmException {
    assertThat(sha256(GeneratorSettings.withSeed(2025).withUsers(2_000).withFraudRate(0.02)))
        .isEqualTo("812a6162d277784bd9e55fb21a64b56e8b81edc201976b843594ce1256059235");
    assertThat(sha256(GeneratorSettings.withSeed(7).withUsers(500).withFraudRate(0.3)))
        .isEqualTo("8caa0b930b358db6b132195772258e1a826e26bba188eba48b120f5355a24417");
  }

  private static String sha256(GeneratorSettings settings) throws NoSuchAlgorithmException {
    return DefaultWorldChecksumTest.sha256(settings.withWorld(World.HARBOR));
  }
}
