package io.streamsentinel.app;

import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.streaming.DetectorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Which Kafka clients each component creates, for {@code config show}: the same factory calls the
 * stages' services make, with the names from {@link io.streamsentinel.kafka.ClientCatalog}.
 */
public final class ComponentClients {

  private static final Map<String, BiFunction<ClientConfigFactory, Guarantee, List<ClientConfig>>>
      COMPONENTS = components();

  private ComponentClients() {}

  private static Map<String, BiFunction<ClientConfigFactory, Guarantee, List<ClientConfig>>>
      components() {
    Map<String, BiFunction<ClientConfigFactory, Guarantee, List<ClientConfig>>> map =
        new LinkedHashMap<>();
    String responder = ClientCatalog.responder(ClientCatalog.DEFAULT_INSTANCE);
    map.put("generator", (f, g) -> List.of(f.producer(ClientCatalog.GENERATOR)));
    map.put(
        "detector",
        (f, g) -> List.of(f.streams(DetectorSettings.defaultStreams().withGuarantee(g))));
    map.put(
        "responder",
        (f, g) ->
            List.of(
                f.promptConsumer(responder, ClientCatalog.RESPONDER_GROUP, "earliest"),
                f.transactionalProducer(responder, responder)));
    map.put(
        "persistence",
        (f, g) ->
            List.of(
                f.sinkConsumer(
                    ClientCatalog.persistence(ClientCatalog.DEFAULT_INSTANCE),
                    ClientCatalog.PERSISTENCE_GROUP),
                f.producer(ClientCatalog.persistence(ClientCatalog.DEFAULT_INSTANCE))));
    map.put(
        "analytics",
        (f, g) ->
            List.of(
                f.batchConsumer(ClientCatalog.ANALYTICS, ClientCatalog.ANALYTICS_GROUP),
                f.producer(ClientCatalog.ANALYTICS_DLQ)));
    map.put("labels", (f, g) -> List.of(f.idempotentProducer(ClientCatalog.LABELS)));
    map.put("topics", (f, g) -> List.of(f.admin(ClientCatalog.TOPICS)));
    return map;
  }

  public static List<String> names() {
    return List.copyOf(COMPONENTS.keySet());
  }

  /**
   * The clients {@code component} creates; the detector's under {@code detectorGuarantee}, which
   * sets its Kafka Streams settings (commit interval, its producer's linger, acks).
   *
   * @throws IllegalArgumentException naming the component and the known ones
   */
  public static List<ClientConfig> clients(
      String component, ClientConfigFactory factory, Guarantee detectorGuarantee) {
    BiFunction<ClientConfigFactory, Guarantee, List<ClientConfig>> clients =
        COMPONENTS.get(component);
    if (clients == null) {
      throw new IllegalArgumentException(
          "unknown component '" + component + "'; known: " + names());
    }
    return clients.apply(factory, detectorGuarantee);
  }
}
