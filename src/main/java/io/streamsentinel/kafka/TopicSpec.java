package io.streamsentinel.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.server.record.BrokerCompressionType;

/**
 * One topic of the system as the catalog defines it.
 *
 * @param name kebab-case topic name
 * @param partitions partition count; it bounds the parallelism of every consumer group reading the
 *     topic
 * @param retention how long records are kept; null means forever
 * @param compression broker-side {@code compression.type}; null means {@code producer} (keep what
 *     producers sent)
 * @param cleanupPolicy {@code delete}, {@code compact} or {@code compact,delete}
 * @param purpose one line for {@code topics list}
 * @param maxMessageBytes the topic's {@code max.message.bytes}; null for the broker's default
 */
public record TopicSpec(
    String name,
    int partitions,
    Duration retention,
    String compression,
    String cleanupPolicy,
    String purpose,
    Integer maxMessageBytes) {

  public static final String DELETE = "delete";
  public static final String COMPACT = "compact";
  public static final String COMPACT_DELETE = "compact,delete";

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          name + ": partitions must be at least 1 but was " + partitions);
    }
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException(
          name + ": retention must be positive but was " + retention);
    }
  }

  /** A topic with the broker's default record size limit. */
  public TopicSpec(
      String name,
      int partitions,
      Duration retention,
      String compression,
      String cleanupPolicy,
      String purpose) {
    this(name, partitions, retention, compression, cleanupPolicy, purpose, null);
  }

  public TopicSpec withPartitions(int count) {
    return new TopicSpec(
        name, count, retention, compression, cleanupPolicy, purpose, maxMessageBytes);
  }

  public TopicSpec withRetention(Duration value) {
    return new TopicSpec(
        name, partitions, value, compression, cleanupPolicy, purpose, maxMessageBytes);
  }

  /**
   * The topic with this broker-side {@code compression.type} ({@link #compressionType}). Where it
   * differs from the producers' codec, the broker recompresses every batch it is sent.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public TopicSpec withCompression(String value) {
    return new TopicSpec(
        name,
        partitions,
        retention,
        compressionType(value),
        cleanupPolicy,
        purpose,
        maxMessageBytes);
  }

  /**
   * A topic's {@code compression.type} as the broker names it, any case: {@code producer} (keep
   * what producers sent; returned as null, as in the catalog), {@code uncompressed}, {@code gzip},
   * {@code snappy}, {@code lz4} or {@code zstd}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static String compressionType(String value) {
    BrokerCompressionType type;
    try {
      type = BrokerCompressionType.forName(value.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown compression '"
              + value
              + "'; choose one of "
              + String.join(", ", BrokerCompressionType.names()),
          e);
    }
    return type == BrokerCompressionType.PRODUCER ? null : type.name;
  }

  /**
   * {@code compression.type} as the broker names it: {@code producer} when the catalog has none.
   */
  public String compressionConfig() {
    return compression == null ? "producer" : compression;
  }

  /** {@code retention.ms} as the broker expects it: -1 for forever. */
  public long retentionMs() {
    return retention == null ? -1L : retention.toMillis();
  }

  /** {@code min(3, brokers)}: as many copies as the cluster allows, at most three. */
  public static short replicationFactor(int brokers) {
    return (short) Math.max(1, Math.min(3, brokers));
  }

  /**
   * 2 when there are 3 replicas or more, else 1: then acks=all survives the loss of one broker
   * without accepting writes held by a single copy.
   */
  public static int minInsyncReplicas(short replicationFactor) {
    return replicationFactor >= 3 ? 2 : 1;
  }

  /**
   * The topic configs to create the topic with. {@code min.insync.replicas} is 2 only when there
   * are 3 replicas: then acks=all survives the loss of one broker without accepting writes held by
   * a single copy.
   */
  public Map<String, String> configs(short replicationFactor) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("cleanup.policy", cleanupPolicy);
    configs.put("retention.ms", String.valueOf(retentionMs()));
    configs.put("compression.type", compressionConfig());
    configs.put("min.insync.replicas", String.valueOf(minInsyncReplicas(replicationFactor)));
    if (maxMessageBytes != null) {
      configs.put("max.message.bytes", String.valueOf(maxMessageBytes));
    }
    return configs;
  }
}
