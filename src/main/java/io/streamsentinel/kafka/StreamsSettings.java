package io.streamsentinel.kafka;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How a Kafka Streams application runs.
 *
 * @param applicationId the application (and consumer group) id; instances with the same id share
 *     the partitions
 * @param guarantee exactly-once (v2) or at-least-once
 * @param threads stream threads in this instance
 * @param stateDir where RocksDB stores and checkpoints live
 * @param deadLetterTopic where the built-in exception handlers send records they skip
 * @param endpoint where this instance answers interactive queries (its HTTP server), announced to
 *     the other instances so they can forward a query for a key they do not host; null when it
 *     serves no HTTP
 */
public record StreamsSettings(
    String applicationId,
    Guarantee guarantee,
    int threads,
    Path stateDir,
    String deadLetterTopic,
    HostInfo endpoint) {

  /** Processing guarantees, with the wire names of {@code processing.guarantee}. */
  public enum Guarantee {
    EXACTLY_ONCE("exactly_once_v2"),
    AT_LEAST_ONCE("at_least_once");

    private final String config;

    Guarantee(String config) {
      this.config = config;
    }

    public String config() {
      return config;
    }

    /** Reads {@code exactly-once}, {@code at-least-once} or the config names. */
    public static Guarantee fromCli(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      if (v.startsWith("exactly_once")) {
        return EXACTLY_ONCE;
      }
      if (v.equals("at_least_once")) {
        return AT_LEAST_ONCE;
      }
      throw new IllegalArgumentException(
          "unknown guarantee '" + value + "'; use exactly-once or at-least-once");
    }
  }

  public StreamsSettings {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(guarantee, "guarantee");
    Objects.requireNonNull(stateDir, "stateDir");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
  }

  /** Settings of an instance that serves no interactive queries. */
  public StreamsSettings(
      String applicationId,
      Guarantee guarantee,
      int threads,
      Path stateDir,
      String deadLetterTopic) {
    this(applicationId, guarantee, threads, stateDir, deadLetterTopic, null);
  }

  /** These settings with the given {@link #endpoint()} (null for none). */
  public StreamsSettings withGuarantee(Guarantee value) {
    return new StreamsSettings(applicationId, value, threads, stateDir, deadLetterTopic, endpoint);
  }

  public StreamsSettings withEndpoint(HostInfo value) {
    return new StreamsSettings(applicationId, guarantee, threads, stateDir, deadLetterTopic, value);
  }
}
