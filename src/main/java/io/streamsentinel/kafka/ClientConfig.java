package io.streamsentinel.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effective properties of one client, each with where its value came from. Built right before a
 * client is created; {@link #toProperties()} is the only place a raw map leaves our code.
 */
public final class ClientConfig {

  /** One property: its value, its source (profile, override, fixed) and why it is set. */
  public record Entry(String key, String value, String source, String why) {}

  private final String clientKind;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  ClientConfig(String clientKind) {
    this.clientKind = clientKind;
  }

  ClientConfig put(String key, Object value, String source, String why) {
    entries.put(key, new Entry(key, String.valueOf(value), source, why));
    return this;
  }

  /** producer, consumer, admin or streams. */
  public String clientKind() {
    return clientKind;
  }

  public Collection<Entry> entries() {
    return entries.values();
  }

  /** The value of one key, or null. */
  public String get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.value();
  }

  /** The map handed to a Kafka client constructor. */
  public Map<String, Object> toProperties() {
    Map<String, Object> props = new HashMap<>();
    entries.values().forEach(e -> props.put(e.key(), e.value()));
    return props;
  }
}
