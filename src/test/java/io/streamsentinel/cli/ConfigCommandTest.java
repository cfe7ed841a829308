package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.testing.CliRunner;
import java.util.stream.Stream;
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
  void configShowShouldShowTheDetectorsStreamsSettingsUnderTheGuaranteeGiven() {
    assertThat(showDetector())
        .containsPattern("processing.guarantee\\s+= exactly_once_v2")
        .containsPattern("commit.interval.ms\\s+= 50\\s+# profile balanced")
        .containsPattern("producer.linger.ms\\s+= 50\\s+# profile balanced");

    // Before, config show had no --guarantee: the at-least-once settings could not be shown.
    assertThat(showDetector("--guarantee", "at-least-once"))
        .containsPattern("processing.guarantee\\s+= at_least_once\\s+# --guarantee")
        .containsPattern("producer.linger.ms\\s+= 20\\s+# profile balanced")
        .doesNotContain("commit.interval.ms");

    CliRunner wrong = new CliRunner();
    assertThat(wrong.run("config", "show", "--guarantee", "twice")).isEqualTo(1);
    assertThat(wrong.err()).contains("unknown guarantee 'twice'");
  }

  /** What {@code config show --component detector} with {@code options} prints; it must succeed. */
  private static String showDetector(String... options) {
    CliRunner cli = new CliRunner();
    String[] args =
        Stream.concat(Stream.of("config", "show", "--component", "detector"), Stream.of(options))
            .toArray(String[]::new);
    assertThat(cli.run(args)).as(cli.err()).isZero();
    return cli.out();
  }

  @Test
  void errorsShouldMaskSecretsTheyQuote() {
    CliRunner cli = new CliRunner();

    assertThat(cli.run("config", "show", "--component", "x?password=hunter2")).isEqualTo(1);

    assertThat(cli.err()).contains("unknown component 'x?password=********'");
    assertThat(cli.err()).doesNotContain("hunter");
  }
}
