package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.runtime.Await;
import io.streamsentinel.testing.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentinel bench e2e} at a low rate: both guarantees, every promised latency, in order. */
class BenchE2eIT {

  @TempDir Path dir;

  @Test
  void shouldMeasureDecisionAndActionLatencyUnderBothGuarantees() throws Exception {
    Path json = dir.resolve("e2e.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "e2e",
            "--tps",
            "1000",
            "--records",
            "2000",
            "--warmup-records",
            "500",
            "--runs",
            "1",
            "--users",
            "50",
            "--kafka-prop",
            "streams.commit.interval.ms=80",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    assertThat(out.get("scenario").asText()).isEqualTo("e2e");
    assertThat(out.get("config").get("stage").asText()).isEqualTo("detector");
    for (String guarantee : new String[] {"exactly_once_v2", "at_least_once"}) {
      JsonNode g = out.get(guarantee);
      assertThat(g).as(guarantee).isNotNull();
      double p50 = g.get("decision_p50_ms").asDouble();
      double p99 = g.get("decision_p99_ms").asDouble();
      double p999 = g.get("decision_p999_ms").asDouble();
      double max = g.get("decision_max_ms").asDouble();
      assertThat(p50).as(guarantee).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p99);
      assertThat(p99).isLessThanOrEqualTo(p999);
      assertThat(p999).isLessThanOrEqualTo(max);
      assertThat(max).isPositive();
      assertThat(g.get("decisions").asDouble()).isEqualTo(2000);
      assertThat(g.get("alerts_acted_on").asDouble()).as("alerts in 2,000 tx").isPositive();
      assertThat(g.get("action_p99_ms").asDouble())
          .isGreaterThanOrEqualTo(g.get("action_p50_ms").asDouble())
          .isLessThanOrEqualTo(g.get("action_max_ms").asDouble());
      assertThat(g.get("achieved_tps").asDouble()).isPositive();
      assertThat(g.get("jit_ms").asDouble()).as("JIT time of the round").isNotNegative();
      assertThat(g.get("gc_pauses").asDouble()).as("GC pauses of the round").isNotNegative();
      assertThat(g.get("gc_pause_ms").asDouble()).as("their time").isNotNegative();
      if (Files.isReadable(Path.of("/proc/net/netstat"))) {
        assertThat(g.has("tcp_receive_queue_drops")).as("Linux counts TCP drops").isTrue();
        assertThat(g.get("tcp_receive_queue_drops").asDouble()).isNotNegative();
      }
      // The detector's stream thread over the round: busy and on a CPU as shares of it.
      for (String figure :
          new String[] {
            "stream_thread_busy",
            "stream_thread_on_cpu",
            "stream_thread_cpu_us_per_record",
            "jvm_cpu_cores"
          }) {
        assertThat(g.has(figure)).as(guarantee + " " + figure).isTrue();
      }
      double busy = g.get("stream_thread_busy").asDouble();
      double onCpu = g.get("stream_thread_on_cpu").asDouble();
      // At 1,000 tx/s the thread also waits in poll for records: busy below 1, which a blocked
      // time that Streams stopped counting (busy held at 1) would fail.
      assertThat(busy).as(guarantee).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat(onCpu).as(guarantee).isPositive().isLessThan(1.05);
      assertThat(g.get("stream_thread_cpu_us_per_record").asDouble()).isPositive();
      assertThat(g.get("jvm_cpu_cores").asDouble()).isPositive();
      // Where the JVM's CPU went: every part named, the busy ones above zero, together the JVM's.
      double sum = 0;
      for (String part :
          new String[] {
            "detector", "generator", "responder", "observer", "other_threads", "unlisted"
          }) {
        JsonNode cores = g.get("cpu_cores_" + part);
        assertThat(cores).as(guarantee + " cpu_cores_" + part).isNotNull();
        assertThat(cores.asDouble()).as(guarantee + " " + part).isNotNegative();
        sum += cores.asDouble();
      }
      // Its threads include the stream thread (both spans are the round's, taken moments apart).
      assertThat(g.get("cpu_cores_detector").asDouble()).as(guarantee).isGreaterThan(0.9 * onCpu);
      assertThat(g.get("cpu_cores_generator").asDouble()).as(guarantee).isPositive();
      assertThat(g.get("cpu_cores_observer").asDouble()).as(guarantee).isPositive();
      assertThat(g.get("cpu_cores_other_threads").asDouble())
          .as("the embedded broker's threads")
          .isPositive();
      assertThat(sum)
          .as(guarantee + ": the parts make the JVM's CPU")
          .isCloseTo(g.get("jvm_cpu_cores").asDouble(), within(0.05));
      // The way of a decision split at the moment the detector scored it.
      double scoredP50 = g.get("scored_p50_ms").asDouble();
      assertThat(scoredP50).as(guarantee).isPositive();
      assertThat(g.get("scored_p99_ms").asDouble()).as(guarantee).isGreaterThanOrEqualTo(scoredP50);
    }
    // Commits every 80 ms under exactly_once_v2.
    JsonNode exactlyOnce = out.get("exactly_once_v2");
    assertThat(exactlyOnce.get("commits").asDouble()).isPositive();
    for (String step : new String[] {"commit_flush_ms", "commit_offsets_ms", "commit_end_ms"}) {
      assertThat(exactlyOnce.get(step)).as(step).isNotNull();
      assertThat(exactlyOnce.get(step).asDouble()).as(step).isNotNegative();
    }
    assertThat(exactlyOnce.get("commit_end_ms").asDouble())
        .as("a transaction's commit is a round trip to the broker")
        .isPositive();
    assertThat(out.get("config").get("tps").asDouble()).isEqualTo(1000);
    // The interval in force, the user's here (the report said Streams' default whatever was given).
    assertThat(out.get("config").get("commit_interval").asText())
        .isEqualTo("80 ms exactly_once_v2, 80 ms at_least_once");
    assertThat(out.get("config").get("warm_up").asText()).isEqualTo("500 transactions");
    for (String guarantee : new String[] {"exactly_once_v2", "at_least_once"}) {
      JsonNode warmUp = out.get("warm_up").get(guarantee);
      assertThat(warmUp.get("slices").asInt()).as(guarantee).isEqualTo(1);
      assertThat(warmUp.get("seconds").asDouble()).as(guarantee).isPositive();
      assertThat(warmUp.get("last_slice_jit_ms").isNumber()).as(guarantee).isTrue();
      assertThat(warmUp.get("last_slice_jit_ms").asDouble()).as(guarantee).isNotNegative();
      assertThat(warmUp.has("jit_settled"))
          .as("a fixed warm-up does not wait for the JIT")
          .isFalse();
    }
    assertThat(out.get("machine").get("max_heap_mb").asLong()).isPositive();
    assertThat(cli.out())
        .contains("event->decision")
        .contains("decisions")
        .contains("JIT")
        .contains("detector's stream thread busy")
        .contains("CPU in cores: detector")
        .contains("warm-up");
  }

  @Test
  void shouldMeasureThePassThroughInTheDetectorsPlaceWithNoResponder() throws Exception {
    Path json = dir.resolve("e2e-pass-through.json");
    CliRunner cli = new CliRunner();

    int code =
        cli.run(
            "bench",
            "e2e",
            "--stage",
            "pass-through",
            "--guarantee",
            "at-least-once",
            "--tps",
            "1000",
            "--records",
            "2000",
            "--warmup-records",
            "500",
            "--runs",
            "1",
            "--users",
            "50",
            "--json",
            json.toString());

    assertThat(code).as(cli.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(json.toFile());
    JsonNode g = out.get("at_least_once");
    // Every transaction came out of the pass-through's topic, and no detector scored any.
    assertThat(g.get("decisions").asDouble()).isEqualTo(2000);
    assertThat(g.has("scored_p50_ms")).as("the detector's own timer").isFalse();
    assertThat(g.get("decision_p50_ms").asDouble())
        .isLessThanOrEqualTo(g.get("decision_p99_ms").asDouble());
    assertThat(g.get("decision_max_ms").asDouble()).isPositive();
    // No alerts: no alert -> action figure at all rather than a 0, and no responder's threads.
    assertThat(g.has("action_p99_ms")).isFalse();
    assertThat(g.get("alerts_acted_on").asDouble()).isZero();
    assertThat(g.has("cpu_cores_responder")).isFalse();
    assertThat(g.get("cpu_cores_detector").asDouble())
        .as("the pass-through's threads")
        .isPositive();
    assertThat(g.get("stream_thread_cpu_us_per_record").asDouble()).isPositive();
    assertThat(out.has("exactly_once_v2")).as("one guarantee asked for").isFalse();
    assertThat(out.get("config").get("stage").asText()).isEqualTo("pass-through");
    assertThat(out.get("config").get("responder").asText()).startsWith("none");
    assertThat(cli.out())
        .contains("at_least_once at 1,000 tx/s, the pass-through in the detector's place:")
        .contains("no alerts, so no alert->action")
        .contains("pass-through's stream thread busy")
        .contains("CPU in cores: pass-through");
  }

  @Test
  void shouldStopOnCtrlCWithinSecondsAndSayNothingWasMeasured() throws Exception {
    CliRunner cli = new CliRunner();
    // A warm-up of 100 s at this rate: far longer than the wait below.
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                cli.run(
                    "bench",
                    "e2e",
                    "--guarantee",
                    "at-least-once",
                    "--tps",
                    "1000",
                    "--warmup-records",
                    "100000",
                    "--users",
                    "50"));
    try {
      Await.until(
          () -> cli.out().contains("warm-up 1 decisions") || run.isDone(),
          Duration.ofSeconds(120),
          Duration.ofMillis(100));
      assertThat(run).as(cli.err()).isNotDone();
    } finally {
      cli.shutdown.request(); // as Ctrl-C does; on a failure above too, so no bench runs on
    }

    assertThat(run.get(60, TimeUnit.SECONDS)).as(cli.err()).isEqualTo(1);
    assertThat(cli.err()).contains("bench e2e: stopped before the runs ended, no figures");
    assertThat(cli.out()).doesNotContain("run 1/");
  }
}
