package io.streamsentinel.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamsentinel.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo run did, printed at the end and written with {@code --summary-json}. Counts of stages
 * that are not built yet are 0, and {@code stages_not_built} names those stages so a 0 is never
 * mistaken for a measurement.
 */
public record DemoSummary(
    @JsonProperty("produced") long produced,
    @JsonProperty("failed") long failed,
    @JsonProperty("fraud_labelled") long fraudLabelled,
    @JsonProperty("scored") long scored,
    @JsonProperty("alerts") long alerts,
    @JsonProperty("actions") long actions,
    @JsonProperty("actions_by_type") Map<String, Long> actionsByType,
    @JsonProperty("dlq") long dlq,
    @JsonProperty("persisted") long persisted,
    @JsonProperty("elapsed_s") double elapsedSeconds,
    @JsonProperty("seed") long seed,
    @JsonProperty("bootstrap_servers") String bootstrapServers,
    @JsonProperty("stages_not_built") List<String> stagesNotBuilt) {

  /** The pipeline stages a later version adds; their counts are 0 until then. */
  public static final List<String> NOT_BUILT = List.of();

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  public String text() {
    return String.format(
        Locale.ROOT,
        "Demo summary: produced %,d (failed %,d, fraud labelled %,d), scored %,d, alerts %,d, actions %,d,"
            + " %s, dlq %,d, persisted %,d in %.1f s (seed %d)%s",
        produced,
        failed,
        fraudLabelled,
        scored,
        alerts,
        actions,
        actionsByType,
        dlq,
        persisted,
        elapsedSeconds,
        seed,
        stagesNotBuilt.isEmpty()
            ? ""
            : "\nNot built yet (counted 0): " + String.join(", ", stagesNotBuilt));
  }
}
