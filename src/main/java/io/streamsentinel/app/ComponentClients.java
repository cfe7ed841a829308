package io.streamsentinel.app;

import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which Kafka clients each component creates, for {@code config show}: the same factory calls the
 * stages' services make, with the names from {@link io.streamsentinel.kafka.ClientCatalog}.
 */
public final class ComponentClients {

  private static final Map<String, Function<ClientConfigFactory, List<ClientConfig>>> COMPONENTS =
      components();

  private ComponentClients() {}

  private static Map<String, Function<ClientConfigFactory, List<ClientConfig>>> components() {
    Map<String, Function<ClientConfigFactory, List<ClientConfig>>> map = new LinkedHashMap<>();
    String responder = ClientCatalog.responder(ClientCatalog.DEFAULT_INSTANCE);
    map.put("generator", f -> List.of(f.producer(ClientCatalog.GENERATOR)));
    map.put("detector", f -> List.of(f.streams(DetectorSettings.defaultStreams())));
    map.put(
        "responder",
        f ->
            List.of(
                f.promptConsumer(responder, ClientCatalog.RESPONDER_GROUP, "earliest"),
                f.transactionalProducer(responder, responder)));
    map.put(
        "persistence",
        f ->
            List.of(
                f.sinkConsumer(
                    ClientCatalog.persistence(ClientCatalog.DEFAULT_INSTANCE),
                    ClientCatalog.PERSISTENCE_GROUP),
                f.producer(ClientCatalog.persistence(ClientCatalog.DEFAULT_INSTANCE))));
    map.put(
        "analytics",
        f ->
            List.of(
                f.batchConsumer(ClientCatalog.ANALYTICS, ClientCatalog.ANALYTICS_GROUP),
                f.producer(ClientCatalog.ANALYTICS_DLQ)));
    map.put("labels", f -> List.of(f.idempotentProducer(ClientCatalog.LABELS)));
    map.put("topics", f -> List.of(f.admin(ClientCatalog.TOPICS)));
    return map;
  }

  public static List<String> names() {
    return List.copyOf(COMPONENTS.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the component and the known ones
   */
  public static List<ClientConfig> clients(String component, ClientConfigFactory factory) {
    Function<ClientConfigFactory, List<ClientConfig>> clients = COMPONENTS.get(component);
    if (clients == null) {
      throw new IllegalArgumentException(
          "unknown component '" + component + "'; known: " + names());
    }
    return clients.apply(factory);
  }
}
