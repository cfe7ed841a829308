package io.streamsentinel.cli;

import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.persistence.PersistenceSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which Kafka clients each component creates, with its client and group ids: the single place both
 * the components and {@code config show} take them from.
 */
final class ComponentClients {

  static final String GENERATOR_CLIENT_ID = "sentinel-generator";
  static final String TOPICS_CLIENT_ID = "sentinel-topics";

  private static final Map<String, Function<ClientConfigFactory, List<ClientConfig>>> COMPONENTS =
      components();

  private ComponentClients() {}

  private static Map<String, Function<ClientConfigFactory, List<ClientConfig>>> components() {
    Map<String, Function<ClientConfigFactory, List<ClientConfig>>> map = new LinkedHashMap<>();
    map.put("generator", f -> List.of(f.producer(GENERATOR_CLIENT_ID)));
    map.put("detector", f -> List.of(f.streams(DetectorOptions.defaultStreams())));
    map.put(
        "responder",
        f ->
            List.of(
                f.promptConsumer("sentinel-responder-1", ResponderRun.GROUP_ID, "earliest"),
                f.transactionalProducer("sentinel-responder-1", "sentinel-responder-1")));
    map.put(
        "persistence",
        f ->
            List.of(
                f.sinkConsumer(PersistRun.clientId("1"), PersistenceSink.GROUP_ID),
                f.producer(PersistRun.clientId("1"))));
    map.put(
        "analytics",
        f ->
            List.of(
                f.batchConsumer(AnalyticsRun.CLIENT_ID, AnalyticsSettings.GROUP_ID),
                f.producer(AnalyticsRun.DLQ_CLIENT_ID)));
    map.put("topics", f -> List.of(f.admin(TOPICS_CLIENT_ID)));
    return map;
  }

  static List<String> names() {
    return List.copyOf(COMPONENTS.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the component and the known ones
   */
  static List<ClientConfig> clients(String component, ClientConfigFactory factory) {
    Function<ClientConfigFactory, List<ClientConfig>> clients = COMPONENTS.get(component);
    if (clients == null) {
      throw new IllegalArgumentException(
          "unknown component '" + component + "'; known: " + names());
    }
    return clients.apply(factory);
  }
}
