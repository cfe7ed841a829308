package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsTest {

  @Test
  void shouldInterleaveVariantsAndLeaveTheWarmUpOut() throws Exception {
    List<String> calls = new ArrayList<>();
    List<String> lines = new ArrayList<>();

    Map<String, Spread> spreads =
        new Trials(List.of("a", "b"), 2, "tx/s", lines::add)
            .measure(
                (variant, round) -> {
                  calls.add(variant + round);
                  return round == 0 ? 1_000.0 : round * (variant.equals("a") ? 10.0 : 100.0);
                });

    assertThat(calls).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    assertThat(spreads.get("a").all()).containsExactly(10.0, 20.0);
    assertThat(spreads.get("b").median()).isEqualTo(150.0);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).contains("warm-up").contains("1,000.0 tx/s");
    assertThat(lines.get(5)).contains("run 2/2");
  }

  @Test
  void shouldKeepEveryMetricOfAMetricsTrial() throws Exception {
    Map<String, Map<String, Spread>> spreads =
        new Trials(List.of("eos"), 3, "ms", line -> {})
            .measureMetrics((variant, round) -> Map.of("p50", 1.0 * round, "p99", 10.0 * round));

    assertThat(spreads.get("eos").get("p50").all()).containsExactly(1.0, 2.0, 3.0);
    assertThat(spreads.get("eos").get("p99").median()).isEqualTo(20.0);
  }

  @Test
  void shouldTakeOneMetricAcrossVariantsLeavingOutVariantsWithoutIt() throws Exception {
    Map<String, Map<String, Spread>> measured =
        new Trials(List.of("producer", "no_producer"), 3, "rate", line -> {})
            .measureMetrics(
                (variant, round) ->
                    variant.equals("producer")
                        ? Map.of("rate", 100.0 * round, "batch", 5.0 * round)
                        : Map.of("rate", 7.0 * round));

    assertThat(Trials.metric(measured, "rate")).containsOnlyKeys("producer", "no_producer");
    assertThat(Trials.medians(Trials.metric(measured, "rate")))
        .containsExactly(Map.entry("producer", 200.0), Map.entry("no_producer", 14.0));
    assertThat(Trials.medians(Trials.metric(measured, "batch")))
        .containsExactly(Map.entry("producer", 10.0));
  }

  @Test
  void shouldStartWithTheFirstMeasuredRoundWithoutAWarmUp() throws Exception {
    List<String> calls = new ArrayList<>();
    List<String> lines = new ArrayList<>();

    Map<String, Spread> spreads =
        new Trials(List.of("p", "d"), 2, "tx/s", lines::add)
            .withoutWarmUp()
            .measure(
                (variant, round) -> {
                  calls.add(variant + round);
                  return 10.0 * round;
                });

    assertThat(calls).containsExactly("p1", "d1", "p2", "d2");
    assertThat(spreads.get("p").all()).containsExactly(10.0, 20.0);
    assertThat(lines).noneMatch(line -> line.contains("warm-up"));
  }
}
