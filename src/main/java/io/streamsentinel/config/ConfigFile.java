package io.streamsentinel.config;

import io.streamsentinel.codec.TransactionLimits;
import io.streamsentinel.kafka.KafkaOverride;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicSpec;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A settings file in Java properties format, parsed and validated once, when it is loaded.
 * Recognised keys:
 *
 * <pre>
 * bootstrap.servers = host:9092,host2:9092
 * profile = balanced | low-latency | high-throughput
 * kafka.&lt;key&gt; = value                 # like --kafka-prop; e.g. kafka.producer.linger.ms = 20
 * topics.&lt;topic&gt;.partitions = 24
 * topics.&lt;topic&gt;.retention = 14d
 * topics.&lt;topic&gt;.compression = producer
 * limits.max-amount = 1000000
 * limits.max-record-bytes = 65536
 * limits.max-text-chars = 128
 * limits.max-event-age = 1096d          # event time at most this long before the record timestamp
 * limits.max-event-lead = 1096d         # ... and at most this long after it
 * </pre>
 *
 * An unknown key or a bad value is an error naming the key and the file, so a typo never goes
 * unnoticed.
 *
 * @param path the file; null for {@link #empty()}
 * @param bootstrapServers the cluster, when the file names one
 * @param profile the tuning profile, when the file names one
 * @param kafkaOverrides the {@code kafka.*} entries, in key order
 * @param topicChanges the {@code topics.*} entries, in key order
 * @param transactionLimits the {@code limits.*} values over the defaults
 */
public record ConfigFile(
    Path path,
    Optional<String> bootstrapServers,
    Optional<TuningProfile> profile,
    List<KafkaOverride> kafkaOverrides,
    List<TopicChange> topicChanges,
    TransactionLimits transactionLimits) {

  public ConfigFile {
    kafkaOverrides = List.copyOf(kafkaOverrides);
    topicChanges = List.copyOf(topicChanges);
  }

  /** Whitespace, then {@code #}: what a comment after a value looks like. */
  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#");

  /** One {@code topics.<topic>.<setting>} entry: a change to a catalog topic. */
  public record TopicChange(String key, String topic, UnaryOperator<TopicSpec> change) {}

  /** A config with no values, for when no file is given. */
  public static ConfigFile empty() {
    return new ConfigFile(
        null, Optional.empty(), Optional.empty(), List.of(), List.of(), TransactionLimits.DEFAULTS);
  }

  /**
   * @throws ConfigException when the file is missing or unreadable, or has an unknown key or a bad
   *     value (naming the key and the file)
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
    return new Parser(path, values).parse();
  }

  /** The catalog with this file's partition, retention and compression changes applied. */
  public TopicCatalog applyTo(TopicCatalog catalog) {
    TopicCatalog result = catalog;
    for (TopicChange c : topicChanges) {
      TopicCatalog current = result;
      result = wrap(path, c.key(), null, () -> current.with(c.topic(), c.change()));
    }
    return result;
  }

  /**
   * Runs {@code parse}, turning its failure into an error that names the key, the file and, unless
   * null (a Kafka value may be a secret), the value, with a hint when the value holds what looks
   * like a comment: a properties file has none after a value, so {@code 20 # ms} is the value.
   */
  private static <T> T wrap(Path path, String key, String value, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "bad value "
              + (value == null ? "" : "'" + value + "' ")
              + "for '"
              + key
              + "' in config file "
              + path
              + ": "
              + e.getMessage()
              + (value != null && TRAILING_COMMENT.matcher(value).find()
                  ? " (a comment after a value is part of it: put it on a line of its own)"
                  : ""));
    }
  }

  /** Reads the raw key-value pairs into the typed file, key by key. */
  private record Parser(Path path, Map<String, String> values) {

    ConfigFile parse() {
      List<KafkaOverride> overrides = new ArrayList<>();
      List<TopicChange> topics = new ArrayList<>();
      TransactionLimits limits = TransactionLimits.DEFAULTS;
      for (Map.Entry<String, String> e : values.entrySet()) {
        String key = e.getKey();
        String value = e.getValue();
        if (key.startsWith("kafka.") && key.length() > "kafka.".length()) {
          overrides.add(
              wrap(
                  path,
                  key,
                  null, // not named: a Kafka value may be a secret
                  () ->
                      KafkaOverride.parse(
                          key.substring("kafka.".length()) + "=" + value, "config file")));
        } else if (key.startsWith("topics.")) {
          topics.add(topicChange(key, value));
        } else if (key.equals("limits.max-amount")) {
          TransactionLimits current = limits;
          limits = wrap(path, key, value, () -> current.withMaxAmount(new BigDecimal(value)));
        } else if (key.equals("limits.max-record-bytes")) {
          TransactionLimits current = limits;
          limits =
              wrap(path, key, value, () -> current.withMaxRecordBytes(Integer.parseInt(value)));
        } else if (key.equals("limits.max-text-chars")) {
          TransactionLimits current = limits;
          limits = wrap(path, key, value, () -> current.withMaxTextChars(Integer.parseInt(value)));
        } else if (key.equals("limits.max-event-age")) {
          TransactionLimits current = limits;
          limits = wrap(path, key, value, () -> current.withMaxEventAge(Durations.parse(value)));
        } else if (key.equals("limits.max-event-lead")) {
          TransactionLimits current = limits;
          limits = wrap(path, key, value, () -> current.withMaxEventLead(Durations.parse(value)));
        } else if (!key.equals("bootstrap.servers") && !key.equals("profile")) {
          throw new ConfigException("unknown key '" + key + "' in config file " + path);
        }
      }
      ConfigFile file =
          new ConfigFile(
              path,
              Optional.ofNullable(values.get("bootstrap.servers")),
              Optional.ofNullable(values.get("profile"))
                  .map(v -> wrap(path, "profile", v, () -> TuningProfile.fromCliName(v))),
              overrides,
              topics,
              limits);
      file.applyTo(TopicCatalog.defaults()); // a bad partition count fails here, at load
      return file;
    }

    private TopicChange topicChange(String key, String value) {
      String rest = key.substring("topics.".length());
      int dot = rest.lastIndexOf('.');
      String setting = dot < 0 ? "" : rest.substring(dot + 1);
      if (!setting.equals("partitions")
          && !setting.equals("retention")
          && !setting.equals("compression")) {
        throw new ConfigException("unknown key '" + key + "' in config file " + path);
      }
      String topic = rest.substring(0, dot);
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
      if (setting.equals("partitions")) {
        int count = wrap(path, key, value, () -> Integer.parseInt(value));
        return new TopicChange(key, topic, t -> t.withPartitions(count));
      }
      if (setting.equals("compression")) {
        wrap(path, key, value, () -> TopicSpec.compressionType(value)); // a bad value fails at load
        return new TopicChange(key, topic, t -> t.withCompression(value));
      }
      var retention = wrap(path, key, value, () -> Durations.parse(value));
      return new TopicChange(key, topic, t -> t.withRetention(retention));
    }
  }
}
