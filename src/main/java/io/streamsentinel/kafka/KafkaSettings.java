package io.streamsentinel.kafka;

import java.util.List;
import java.util.Objects;

/**
 * Where the cluster is and how clients talk to it.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param profile the tuning profile every client starts from
 * @param overrides user properties applied over the profile: a scoped key ({@code producer.x}) wins
 *     over the same key given plain, and for Kafka Streams a {@code streams.} key over a {@code
 *     producer.} or {@code consumer.} one, whatever its source or order; otherwise later ones win
 */
public record KafkaSettings(
    String bootstrapServers, TuningProfile profile, List<KafkaOverride> overrides) {

  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(profile, "profile");
    overrides = List.copyOf(overrides);
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must not be blank");
    }
  }

  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, TuningProfile.BALANCED, List.of());
  }

  public KafkaSettings withBootstrapServers(String servers) {
    return new KafkaSettings(servers, profile, overrides);
  }
}
