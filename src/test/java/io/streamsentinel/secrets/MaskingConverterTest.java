package io.streamsentinel.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's own log configuration masks secrets in every line it writes. */
class MaskingConverterTest {

  @TempDir Path dir;

  @Test
  void shouldMaskSecretsInMessagesAndStackTracesThroughTheApplicationsLogConfiguration()
      throws Exception {
    String previous = System.setProperty("sentinel.log.dir", dir.toString());
    // The application's log4j2.xml (tests otherwise get log4j2-test.xml), in a context of its own.
    LoggerContext context =
        Configurator.initialize(
            "masking-test",
            getClass().getClassLoader(),
            URI.create(getClass().getClassLoader().getResource("log4j2.xml").toString()));
    try {
      Logger log = context.getLogger("io.streamsentinel.test");
      log.info(
          "connecting with sasl.jaas.config={} to {}",
          "org.apache.kafka.common.security.plain.PlainLoginModule required"
              + " username=\"alice\" password=\"hunter2\";",
          "jdbc:postgresql://bob:hunter3@db:5432/sentinel?password=hunter4");
      log.warn(
          "webhook failed",
          new IllegalStateException(
              "webhook https://hooks.slack.com/services/T0/B0/hunter5 unreachable",
              new RuntimeException("token=hunter6")));
      log.info("an ordinary line: key=user_1 offset=42");
    } finally {
      Configurator.shutdown(context);
      restore(previous);
    }

    String written = Files.readString(dir.resolve("sentinel.log"), StandardCharsets.UTF_8);
    assertThat(written)
        .contains("sasl.jaas.config=" + Secrets.MASK)
        .contains("jdbc:postgresql://bob:" + Secrets.MASK + "@db:5432/sentinel?password=")
        .contains("webhook https://hooks.slack.com/" + Secrets.MASK + " unreachable")
        .contains("token=" + Secrets.MASK)
        .contains("at io.streamsentinel.secrets.MaskingConverterTest")
        .contains("an ordinary line: key=user_1 offset=42")
        .doesNotContain("hunter");
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty("sentinel.log.dir");
    } else {
      System.setProperty("sentinel.log.dir", previous);
    }
  }
}
