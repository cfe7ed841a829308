package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel demo} end to end: embedded broker, topics, generator, summary. */
class DemoCommandIT {

  @TempDir Path dir;

  @Test
  void shouldRunForTheGivenDurationAndWriteTheSummary() throws Exception {
    Path summary = dir.resolve("s.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            CliRunner.demoIn(
                dir, "--duration", "6s", "--tps", "2000", "--summary-json", summary.toString()));

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("Kafka broker (embedded, KRaft) at localhost:")
        .containsPattern("API key demo-admin-\\S+ \\(admin.*\\): sentinel_[A-Za-z0-9_-]{43}")
        .contains("Demo summary:")
        .contains("Broker stopped.");
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.get("produced").asLong()).isGreaterThan(5_000);
    assertThat(json.get("failed").asLong()).isZero();
    assertThat(json.get("scored").asLong()).isEqualTo(json.get("produced").asLong());
    assertThat(json.get("persisted").asLong()).isEqualTo(json.get("scored").asLong());
    assertThat(json.get("stages_not_built")).isEmpty();
    for (String key :
        new String[] {"scored", "alerts", "actions", "dlq", "persisted", "elapsed_s"}) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("elapsed_s").asDouble()).isBetween(5.0, 60.0);
  }

  @Test
  void shouldStopCleanlyWhenInterrupted() throws Exception {
    CliRunner cli = new CliRunner();
    cli.shutdown.request(); // as Ctrl-C does, before the generator even starts

    int code = cli.run(CliRunner.demoIn(dir));

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Demo summary:").contains("Broker stopped.");
  }
}
