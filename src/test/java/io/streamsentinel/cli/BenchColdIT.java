package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentinel bench detect --cold} end to end on a small backlog: each stage drains it in a JVM
 * of its own, timed from outside, and no child JVM outlives the command.
 */
class BenchColdIT {

  @TempDir Path dir;

  @Test
  void shouldDrainTheBacklogInAFreshJvmPerStageAndReportRatesFromOutside() throws Exception {
    Path json = dir.resolve("cold.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "detect",
            "--cold",
            "--records",
            "20000",
            "--users",
            "500",
            "--runs",
            "1",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("scenario").asText()).isEqualTo("detect_cold");
    assertThat(out.get("warm_up_runs").asInt()).isZero();
    // Each run ends only when the stage's committed offsets reach the end of every partition.
    assertThat(out.get("input_offsets").asLong()).isEqualTo(20000);
    assertThat(out.get("detector_tx_per_s").asDouble()).isPositive();
    assertThat(out.get("passthrough_tx_per_s").asDouble()).isPositive();
    assertThat(out.get("ratio").asDouble())
        .isEqualTo(
            out.get("detector_tx_per_s").asDouble() / out.get("passthrough_tx_per_s").asDouble());
    for (String variant : new String[] {"passthrough_cold", "detector_cold"}) {
      JsonNode metrics = out.get("metrics").get(variant);
      double first = metrics.get("first_commit_s").get("median").asDouble();
      assertThat(first).as(variant).isPositive();
      assertThat(metrics.get("last_commit_s").get("median").asDouble()).isGreaterThan(first);
      assertThat(out.get("variants").get(variant).get("all")).hasSize(1);
      // From the OS: a fresh JVM compiles, and that is part of its CPU; NaN without Linux's /proc.
      double cpu = metrics.get("child_cpu_us_per_record").get("median").asDouble();
      double jit = metrics.get("child_jit_cpu_us_per_record").get("median").asDouble();
      if (Files.isDirectory(Path.of("/proc/self/task"))) {
        assertThat(jit).as(variant).isPositive().isLessThan(cpu);
      } else {
        assertThat(jit).as(variant).isNaN();
      }
    }
    assertThat(out.get("merchants_per_user").get("median").asInt()).isPositive();
    assertThat(out.get("merchants_per_user").get("profile_capacity").asInt()).isEqualTo(32);
    assertThat(out.get("config").get("child_jvm_options").get(0).asText()).isEqualTo("-Xmx1g");
    assertThat(out.get("config").get("guarantee").asText()).isEqualTo("exactly_once_v2");
    assertThat(cli.out())
        .contains("Distinct merchants per user")
        .contains("Each run starts a fresh JVM")
        .contains("detector_cold")
        .contains("Medians over 1 cold runs");
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("bench stage")))
        .isEmpty();
  }
}
