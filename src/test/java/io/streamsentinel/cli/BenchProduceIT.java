package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel bench produce} on a small load writes every promised figure. */
class BenchProduceIT {

  @TempDir Path dir;

  @Test
  void shouldMeasureGeneratorAgainstRawProducer() throws Exception {
    Path json = dir.resolve("produce.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "produce",
            "--records",
            "20000",
            "--runs",
            "2",
            "--users",
            "500",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("scenario").asText()).isEqualTo("produce");
    assertThat(out.get("records").asLong()).isEqualTo(20000);
    double generator = out.get("generator_records_per_s").asDouble();
    double raw = out.get("raw_producer_records_per_s").asDouble();
    assertThat(generator).isPositive();
    assertThat(raw).isPositive();
    assertThat(out.get("generator_ratio").asDouble()).isCloseTo(generator / raw, within(1e-9));
    double make = out.get("simulate_encode_records_per_s").asDouble();
    assertThat(make).isPositive();
    JsonNode cpu = out.get("cpu_us_per_record");
    for (String variant : new String[] {"generator", "raw_producer", "simulate_encode"}) {
      assertThat(cpu.get(variant).asDouble()).as(variant).isPositive();
    }
    JsonNode batches = out.get("batch_bytes");
    assertThat(batches.get("raw_producer").asDouble()).isPositive();
    assertThat(batches.get("generator").asDouble()).isPositive();
    assertThat(batches.has("simulate_encode")).as("no producer, no batch").isFalse();
    // Making records costs CPU on top of sending them.
    assertThat(cpu.get("generator").asDouble())
        .isGreaterThan(cpu.get("simulate_encode").asDouble());
    double oneThread = out.get("one_thread_ceiling_records_per_s").asDouble();
    assertThat(oneThread).isCloseTo(1 / (1 / raw + 1 / make), within(1e-6));
    assertThat(out.get("one_thread_ceiling_ratio").asDouble())
        .isCloseTo(oneThread / raw, within(1e-9));
    int cores = out.get("machine").get("cores").asInt();
    double allCores = out.get("all_cores_ceiling_records_per_s").asDouble();
    assertThat(allCores)
        .isCloseTo(
            cores
                * 1e6
                / (cpu.get("raw_producer").asDouble() + cpu.get("simulate_encode").asDouble()),
            within(1e-6));
    assertThat(out.get("raw_producer_cores").asDouble())
        .isPositive()
        .isCloseTo(cpu.get("raw_producer").asDouble() * raw / 1e6, within(1e-9));
    for (String variant : new String[] {"generator", "raw_producer", "simulate_encode"}) {
      JsonNode v = out.get("variants").get(variant);
      assertThat(v.get("all")).hasSize(2);
      assertThat(v.get("min").asDouble())
          .isPositive()
          .isLessThanOrEqualTo(v.get("median").asDouble());
      assertThat(v.get("median").asDouble()).isLessThanOrEqualTo(v.get("max").asDouble());
    }
    assertThat(out.get("machine").get("cores").asInt()).isPositive();
    assertThat(out.get("config").get("producer").get("linger.ms").asText()).isNotEmpty();
    assertThat(cli.out())
        .contains("warm-up")
        .contains("run 2/2")
        .contains("ratio")
        .contains("simulating and encoding alone")
        .contains("ceiling of one thread that makes and sends each record")
        .contains("CPU per record, whole JVM with the broker");
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
