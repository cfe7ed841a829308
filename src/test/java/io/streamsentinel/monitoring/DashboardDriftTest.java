package io.streamsentinel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsentinel.codec.Json;
import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.detection.drift.DriftReport.InputPsi;
import io.streamsentinel.detection.drift.DriftSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift panel's data: the report as the page reads it, with the rule's limit. */
class DashboardDriftTest {

  private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
  private static final ObjectMapper JSON = Json.mapper();

  @Test
  void shouldGiveTheScoreTheLargestPsiAndTheTopInputsWithTheLimit() {
    List<InputPsi> inputs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      inputs.add(new InputPsi("input_" + i, 0.5 - i * 0.05));
    }
    DriftReport report =
        new DriftReport(DriftReport.State.MEASURED, "v3", 7_600, 500, 600, T, 0.1, inputs);

    JsonNode drift = JSON.valueToTree(DashboardSnapshot.DriftInfo.of(report, 0.3));

    assertThat(drift.get("state").asText()).isEqualTo("measured");
    assertThat(drift.get("model_version").asText()).isEqualTo("v3");
    assertThat(drift.get("score_psi").asDouble()).isEqualTo(0.1);
    assertThat(drift.get("max_psi").asDouble()).isEqualTo(0.5);
    assertThat(drift.get("worst").asText()).isEqualTo("input_0");
    assertThat(drift.get("limit").asDouble()).isEqualTo(0.3);
    assertThat(drift.get("inputs")).hasSize(DashboardSnapshot.DriftInfo.TOP_INPUTS);
    assertThat(drift.get("inputs").get(0).get("input").asText()).isEqualTo("input_0");
  }

  @Test
  void shouldSayHowManyDecisionsAreCollectedWithNullsForFiguresNotMeasured() {
    DriftReport collecting = DriftReport.collecting("v3", 120, DriftSettings.defaults(), T);

    JsonNode drift = JSON.valueToTree(DashboardSnapshot.DriftInfo.of(collecting, 0.25));

    assertThat(drift.get("state").asText()).isEqualTo("collecting");
    assertThat(drift.get("decisions").asLong()).isEqualTo(120);
    assertThat(drift.get("min_decisions").asLong()).isEqualTo(500);
    assertThat(drift.get("window_seconds").asLong()).isEqualTo(600);
    assertThat(drift.get("score_psi").isNull()).isTrue();
    assertThat(drift.get("max_psi").isNull()).isTrue();
    assertThat(drift.get("inputs")).isEmpty();
  }
}
