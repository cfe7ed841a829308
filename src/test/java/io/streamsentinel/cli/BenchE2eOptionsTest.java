package io.streamsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.bench.EndToEndScenario;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.bench.WarmUp;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.testing.CliRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench e2e}'s options, refused before any broker is started. */
class BenchE2eOptionsTest {

  @Test
  void shouldRefuseAnUnknownGuaranteeNamingIt() {
    CliRunner cli = new CliRunner();

    int code = cli.run("bench", "e2e", "--guarantee", "twice");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--guarantee").contains("'twice'");
  }

  @Test
  void shouldRefuseAnUnknownStageNamingIt() {
    CliRunner cli = new CliRunner();

    int code = cli.run("bench", "e2e", "--stage", "shadow");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--stage").contains("'shadow'").contains("pass-through");
  }

  @Test
  void shouldRefuseAWarmUpOfNoRecordsNamingTheValue() {
    CliRunner cli = new CliRunner();

    int code = cli.run("bench", "e2e", "--warmup-records", "0");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--warmup-records must be positive but was 0");
  }

  @Test
  void shouldExplainTheWarmUpTheJitFigureAndOneGuarantee() {
    CliRunner cli = new CliRunner();

    assertThat(cli.run("bench", "e2e", "--help")).isZero();

    assertThat(cli.out().replaceAll("\\s+", " "))
        .contains("--warmup-records")
        .contains("until the JIT has settled")
        .contains("jit_ms")
        .contains("gc_pause_ms")
        .contains("--guarantee")
        .contains("--stage pass-through puts bench detect's pass-through stage");
  }

  @Test
  void shouldMeasureEachGuaranteeOnceInTheOrderGiven() {
    var settings =
        new EndToEndScenario.Settings(
            10,
            WarmUp.fixed(5),
            100,
            1,
            10,
            List.of(Guarantee.AT_LEAST_ONCE, Guarantee.EXACTLY_ONCE),
            Stage.DETECTOR);

    assertThat(settings.guarantees())
        .containsExactly(Guarantee.AT_LEAST_ONCE, Guarantee.EXACTLY_ONCE);
    assertThatThrownBy(
            () ->
                new EndToEndScenario.Settings(
                    10,
                    WarmUp.fixed(5),
                    100,
                    1,
                    10,
                    List.of(Guarantee.EXACTLY_ONCE, Guarantee.EXACTLY_ONCE),
                    Stage.DETECTOR))
        .hasMessageContaining("distinct");
    assertThatThrownBy(
            () ->
                new EndToEndScenario.Settings(
                    10, WarmUp.fixed(5), 100, 1, 10, List.of(), Stage.DETECTOR))
        .hasMessageContaining("at least one");
    assertThatThrownBy(
            () ->
                new EndToEndScenario.Settings(
                    10, WarmUp.fixed(5), 100, 1, 10, List.of(Guarantee.EXACTLY_ONCE), null))
        .hasMessageContaining("stage");
  }
}
