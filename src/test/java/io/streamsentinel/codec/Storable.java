package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/**
 * What PostgreSQL and the sink refuse, checked without a database: text with a NUL character
 * (PostgreSQL text cannot hold one, JSONB not even escaped) and instants outside the years
 * 0000-9999 (the years the sink names its day partitions by, and {@link java.sql.Timestamp} holds).
 */
public final class Storable {

  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private Storable() {}

  /** Each text, when not null, holds no NUL. */
  public static void requireText(String... texts) {
    for (String text : texts) {
      if (text != null) {
        assertThat(text).doesNotContain("\u0000");
      }
    }
  }

  /** The JSON text for a JSONB column holds no NUL, not even as an escape. */
  public static void requireJson(String json) {
    assertThat(json).doesNotContain("\u0000").doesNotContain("\\u0000");
  }

  /** The instant, when not null, lies in the years 0000-9999. */
  public static void requireInstant(Instant at) {
    if (at != null) {
      assertThat(at).isAfterOrEqualTo(FIRST).isBefore(END);
    }
  }
}
