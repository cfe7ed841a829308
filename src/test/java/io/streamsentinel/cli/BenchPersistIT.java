package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel bench persist} on a small load writes every promised figure. */
class BenchPersistIT {

  @TempDir Path dir;

  @Test
  void shouldMeasureTheSinkAgainstAPlainConsumer() throws Exception {
    Path json = dir.resolve("persist.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "persist",
            "--records",
            "5000",
            "--runs",
            "1",
            "--users",
            "500",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("scenario").asText()).isEqualTo("persist");
    assertThat(out.get("records").asLong()).isEqualTo(5000);
    double sink = out.get("sink_decisions_per_s").asDouble();
    double consumer = out.get("consumer_records_per_s").asDouble();
    assertThat(sink).isPositive();
    assertThat(consumer).isPositive();
    assertThat(out.get("sink_ratio").asDouble()).isCloseTo(sink / consumer, within(1e-9));
    for (String variant : new String[] {"sink", "consumer"}) {
      JsonNode v = out.get("variants").get(variant);
      assertThat(v.get("all")).hasSize(1);
      assertThat(v.get("median").asDouble()).isPositive();
    }
    assertThat(out.get("config").get("database").asText()).contains("embedded PostgreSQL");
    assertThat(cli.out())
        .contains("Pre-loading 5,000 decisions")
        .contains("warm-up")
        .contains("ratio");
  }
}
