package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.testing.CliRunner;
import org.junit.jupiter.api.Test;

/** {@code config show} and the CLI's errors print no secret. */
class ConfigCommandTest {

  private static final String JAAS =
      "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"alice\" password=\"hunter2\";";

  @Test
  void configShowShouldPrintNoPasswordOfAJaasConfigOrAKeystore() {
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "config",
            "show",
            "--component",
            "generator",
            "--kafka-prop",
            JAAS,
            "--kafka-prop",
            "ssl.keystore.password=hunter3",
            "--kafka-prop",
            "producer.linger.ms=7");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .containsPattern("sasl.jaas.config\\s+= \\*{8}\\s+# --kafka-prop")
        .containsPattern("ssl.keystore.password\\s+= \\*{8}\\s+# --kafka-prop")
        .containsPattern("linger.ms\\s+= 7\\s+# --kafka-prop")
        .doesNotContain("hunter");
  }

  @Test
  void errorsShouldMaskSecretsTheyQuote() {
    CliRunner cli = new CliRunner();

    assertThat(cli.run("config", "show", "--component", "x?password=hunter2")).isEqualTo(1);

    assertThat(cli.err()).contains("unknown component 'x?password=********'");
    assertThat(cli.err()).doesNotContain("hunter");
  }
}
