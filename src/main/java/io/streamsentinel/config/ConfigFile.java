package io.streamsentinel.config;

import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TuningProfile;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A settings file in Java properties format, read once at start. Recognised keys:
 *
 * <pre>
 * bootstrap.servers = host:9092,host2:9092
 * profile = balanced | low-latency | high-throughput
 * kafka.&lt;key&gt; = value                 # like --kafka-prop; e.g. kafka.producer.linger.ms = 20
 * topics.&lt;topic&gt;.partitions = 24
 * topics.&lt;topic&gt;.retention = 14d
 * limits.max-amount = 1000000
 * limits.max-record-bytes = 65536
 * </pre>
 *
 * An unknown key is an error naming the key and the file, so a typo never goes unnoticed.
 */
public record ConfigFile(Path path, Map<String, String> values) {

  public ConfigFile {
    values = Map.copyOf(values);
  }

  /** A config with no values, for when no file is given. */
  public static ConfigFile empty() {
    return new ConfigFile(null, Map.of());
  }

  /**
   * @throws ConfigException when the file is missing, unreadable or has an unknown key
   */
  public static ConfigFile load(Path path) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + path + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k.trim(), props.getProperty(k).trim()));
    ConfigFile file = new ConfigFile(path, values);
    file.checkKeys();
    return file;
  }

  public Optional<String> bootstrapServers() {
    return Optional.ofNullable(values.get("bootstrap.servers"));
  }

  public Optional<TuningProfile> profile() {
    return Optional.ofNullable(values.get("profile"))
        .map(v -> wrap("profile", () -> TuningProfile.fromCliName(v)));
  }

  /** The {@code kafka.*} entries as overrides, in key order. */
  public List<KafkaOverride> kafkaOverrides() {
    List<KafkaOverride> overrides = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("kafka.")) {
            overrides.add(
                KafkaOverride.parse(k.substring("kafka.".length()) + "=" + v, "config file"));
          }
        });
    return overrides;
  }

  /** The catalog with this file's partition and retention changes applied. */
  public TopicCatalog applyTo(TopicCatalog catalog) {
    TopicCatalog result = catalog;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("topics.")) {
        continue;
      }
      String rest = key.substring("topics.".length());
      int dot = rest.lastIndexOf('.');
      String topic = rest.substring(0, dot);
      String value = e.getValue();
      TopicCatalog current = result;
      if (rest.endsWith(".partitions")) {
        result =
            wrap(key, () -> current.with(topic, t -> t.withPartitions(Integer.parseInt(value))));
      } else {
        result = wrap(key, () -> current.with(topic, t -> t.withRetention(Durations.parse(value))));
      }
    }
    return result;
  }

  /** The input limits, the file's {@code limits.*} values over the defaults. */
  public TransactionLimits transactionLimits() {
    TransactionLimits defaults = TransactionLimits.DEFAULTS;
    BigDecimal maxAmount =
        limit("max-amount")
            .map(v -> wrap("limits.max-amount", () -> new BigDecimal(v)))
            .orElse(defaults.maxAmount());
    int maxBytes =
        limit("max-record-bytes")
            .map(v -> wrap("limits.max-record-bytes", () -> Integer.parseInt(v)))
            .orElse(defaults.maxRecordBytes());
    return wrap("limits", () -> new TransactionLimits(maxAmount, maxBytes));
  }

  /** A {@code limits.*} value, if set. */
  public Optional<String> limit(String name) {
    return Optional.ofNullable(values.get("limits." + name));
  }

  private void checkKeys() {
    for (String key : values.keySet()) {
      boolean known =
          key.equals("bootstrap.servers")
              || key.equals("profile")
              || (key.startsWith("kafka.") && key.length() > "kafka.".length())
              || key.equals("limits.max-amount")
              || key.equals("limits.max-record-bytes")
              || isTopicKey(key);
      if (!known) {
        throw new ConfigException("unknown key '" + key + "' in config file " + path);
      }
    }
  }

  private boolean isTopicKey(String key) {
    if (!key.startsWith("topics.")
        || !(key.endsWith(".partitions") || key.endsWith(".retention"))) {
      return false;
    }
    String rest = key.substring("topics.".length());
    String topic = rest.substring(0, Math.max(0, rest.lastIndexOf('.')));
    if (!TopicCatalog.defaults().names().contains(topic)) {
      throw new ConfigException(
          "unknown topic '"
              + topic
              + "' in key '"
              + key
              + "' of config file "
              + path
              + "; known: "
              + TopicCatalog.defaults().names());
    }
    return true;
  }

  private <T> T wrap(String key, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "bad value for '" + key + "' in config file " + path + ": " + e.getMessage());
    }
  }
}
