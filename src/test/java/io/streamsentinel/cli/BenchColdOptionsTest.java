package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.testing.CliRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench detect --cold}'s options and its hidden {@code bench stage}, before any broker. */
class BenchColdOptionsTest {

  @Command
  static final class Holder {
    @Mixin KafkaOptions kafka;
  }

  @Test
  void shouldRefuseMerchantBranchesWithoutCold() {
    CliRunner cli = new CliRunner();

    int code = cli.run("bench", "detect", "--merchant-branches", "4");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(cli.err()).contains("--merchant-branches needs --cold");
  }

  @Test
  void shouldRefuseAJvmOptionWithoutCold() {
    CliRunner cli = new CliRunner();

    int code = cli.run("bench", "detect", "--jvm-option=-XX:+UseParallelGC");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(cli.err()).contains("--jvm-option needs --cold");
  }

  @Test
  void shouldDocumentTheColdDefaultsAndHideTheStageCommand() {
    CliRunner detect = new CliRunner();
    assertThat(detect.run("bench", "detect", "--help")).isZero();
    String help = detect.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--cold")
        .contains("400000 with --cold")
        .contains("--users defaults to 5000")
        .contains("-Xmx1g")
        .contains("--merchant-branches");

    CliRunner bench = new CliRunner();
    assertThat(bench.run("bench", "--help")).isZero();
    assertThat(bench.out()).contains("  detect ").doesNotContain("  stage ");
  }

  @Test
  void shouldRefuseAnUnknownStage() {
    CliRunner cli = new CliRunner();

    int code =
        cli.run("bench", "stage", "--stage", "sink", "--application-id", "x", "-b", "localhost:1");

    assertThat(code).isNotZero();
    assertThat(cli.err()).contains("unknown stage 'sink'");
  }

  @Test
  void shouldPassTheKafkaOptionsOnToAChildOnTheGivenCluster() {
    Holder given = new Holder();
    new CommandLine(given)
        .parseArgs(
            "-b",
            "far:9092",
            "--profile",
            "low-latency",
            "--kafka-prop",
            "a=1",
            "--kafka-prop",
            "b=2");

    assertThat(given.kafka.arguments("localhost:4242"))
        .containsExactly(
            "--bootstrap-servers",
            "localhost:4242",
            "--profile",
            "low-latency",
            "--kafka-prop",
            "a=1",
            "--kafka-prop",
            "b=2");
  }
}
