package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel bench scale} on a small load measures every thread count. */
class BenchScaleIT {

  @TempDir Path dir;

  @Test
  void shouldMeasureTheDetectorWithEachThreadCount() throws Exception {
    Path json = dir.resolve("scale.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "scale",
            "--records",
            "3000",
            "--runs",
            "1",
            "--users",
            "300",
            "--threads",
            "1,2",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("scenario").asText()).isEqualTo("scale");
    assertThat(out.get("guarantee").asText()).isEqualTo("exactly_once_v2");
    for (String threads : new String[] {"1", "2"}) {
      assertThat(out.get("tx_per_s_by_threads").get(threads).asDouble()).as(threads).isPositive();
      assertThat(out.get("efficiency_by_threads").get(threads).asDouble()).isPositive();
    }
    assertThat(out.get("efficiency_by_threads").get("1").asDouble()).isEqualTo(1.0);
    assertThat(out.get("variants").get("threads_2").get("all")).hasSize(1);
    assertThat(out.get("detector_heap_after_gc_mb").asDouble()).isPositive();
    assertThat(out.get("config").get("stream_threads")).hasSize(2);
    assertThat(cli.out()).contains("threads_1").contains("2 stream thread(s)");
  }
}
