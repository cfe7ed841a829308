package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sentinel bench detect} end to end on a small load: it measures and writes every promised
 * figure.
 */
class BenchCommandIT {

  @TempDir Path dir;

  @Test
  void shouldMeasureDetectorAndPassThroughAndWriteTheRatios() throws Exception {
    Path json = dir.resolve("bench.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "detect",
            "--records",
            "3000",
            "--runs",
            "1",
            "--users",
            "300",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("records").asLong()).isEqualTo(3000);
    for (String key :
        new String[] {
          "eos_tx_per_s",
          "alos_tx_per_s",
          "passthrough_tx_per_s",
          "eos_ratio",
          "alos_ratio",
          "model_eos_tx_per_s",
          "model_eos_ratio",
          "model_alos_ratio"
        }) {
      assertThat(out.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(out.get("eos_ratio").asDouble())
        .isEqualTo(out.get("eos_tx_per_s").asDouble() / out.get("passthrough_tx_per_s").asDouble());
    assertThat(out.get("detector_heap_after_gc_mb").asDouble()).isPositive();
    assertThat(out.get("cpu_us_per_record").get("detector_eos").asDouble()).isPositive();
    assertThat(out.get("stream_thread_cpu_us_per_record").get("passthrough_alos").asDouble())
        .isPositive();
    // Read from /proc (Linux, where the build runs); a run may compile nothing.
    assertThat(out.get("jit_cpu_us_per_record").get("detector_model_eos").asDouble())
        .isNotNegative();
    assertThat(out.get("variants").get("detector_eos").get("min").asDouble())
        .isLessThanOrEqualTo(out.get("variants").get("detector_eos").get("max").asDouble());
    assertThat(out.get("machine").get("cores").asInt()).isPositive();
    assertThat(out.get("config").get("stream_threads").asInt()).isEqualTo(1);
    assertThat(cli.out())
        .contains("detector_eos")
        .contains("passthrough_alos")
        .contains("detector_model_eos")
        .contains("with the model")
        .contains("Medians over 1 runs");
  }
}
