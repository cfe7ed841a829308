package io.streamsentinel.kafka;

import java.util.Locale;
import java.util.Objects;

/**
 * One user-given client property that wins over the tuning profile.
 *
 * <p>A key prefixed {@code producer.}, {@code consumer.}, {@code admin.} or {@code streams.}
 * applies to that kind of client only; any other key applies to every client. Kafka Streams is
 * handed {@code producer.*} and {@code consumer.*} keys with their prefix, which is exactly how
 * Streams itself scopes its inner clients.
 *
 * @param scope which clients the property reaches
 * @param key the Kafka config key, without the scope prefix
 * @param value its value, as Kafka would parse it
 * @param source where it came from, shown by {@code config show} (e.g. {@code --kafka-prop})
 */
public record KafkaOverride(Scope scope, String key, String value, String source) {

  /** Which clients an override reaches. */
  public enum Scope {
    ALL,
    PRODUCER,
    CONSUMER,
    ADMIN,
    STREAMS;

    String prefix() {
      return name().toLowerCase(Locale.ROOT) + ".";
    }
  }

  public KafkaOverride {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses {@code key=value} or {@code producer.key=value}.
   *
   * @throws IllegalArgumentException naming the text when it has no '=' or no key
   */
  public static KafkaOverride parse(String text, String source) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("expected key=value but got '" + text + "'");
    }
    String key = text.substring(0, eq).trim();
    String value = text.substring(eq + 1).trim();
    for (Scope scope : Scope.values()) {
      if (scope != Scope.ALL
          && key.startsWith(scope.prefix())
          && key.length() > scope.prefix().length()) {
        return new KafkaOverride(scope, key.substring(scope.prefix().length()), value, source);
      }
    }
    return new KafkaOverride(Scope.ALL, key, value, source);
  }
}
