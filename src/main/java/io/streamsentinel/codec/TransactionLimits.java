package io.streamsentinel.codec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds the codec enforces on records from the wire, beyond what every transaction must satisfy.
 *
 * @param maxAmount largest accepted amount, inclusive; never null, &gt; 0. A sanity bound against
 *     unit mix-ups (cents sent as euros) and garbage, not a business rule.
 * @param maxRecordBytes largest accepted record in bytes, checked before parsing; &gt; 0
 * @param maxTextChars longest accepted text field (merchant, category, country, city, device id,
 *     currency, event type, fraud pattern) in chars; &gt; 0. The profile keeps up to 64 such
 *     values, so this bounds the size of a user's profile.
 * @param maxEventAge how far event time may lie before the record's Kafka timestamp; never null,
 *     not negative
 * @param maxEventLead how far event time may lie after the record's Kafka timestamp; never null,
 *     not negative
 */
public record TransactionLimits(
    BigDecimal maxAmount,
    int maxRecordBytes,
    int maxTextChars,
    Duration maxEventAge,
    Duration maxEventLead) {

  /** Default {@link #maxAmount()}: 1,000,000.00. */
  public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000.00");

  /** Default {@link #maxRecordBytes()}: 64 KiB, far above a real event (~500 bytes). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 65_536;

  /**
   * Default {@link #maxTextChars()}: 128, as ids. Card networks carry merchant names of about 25
   * chars and cities of 13; device fingerprints are 64 hex digits. At 128 chars (at most 3 UTF-8
   * bytes each) the 64 remembered values of a profile stay under 24 KiB.
   */
  public static final int DEFAULT_MAX_TEXT_CHARS = 128;

  /**
   * Default {@link #maxEventAge()}: 1,096 days (three years). Replaying a year or two of history
   * (backfills, labelled history for training) must pass; a decade-old or year-0 timestamp is
   * garbage.
   */
  public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofDays(1_096);

  /**
   * Default {@link #maxEventLead()}: 1,096 days, as far as {@link #DEFAULT_MAX_EVENT_AGE}. Event
   * time of a simulated or replayed stream runs ahead of the wall clock that stamps its records
   * (the generator at full speed covers days of simulated time a minute), so only absurd values are
   * refused by default; a transaction dated ahead cannot blind the correctly dated ones after it
   * anyway (see {@code detection.SlidingWindows}). A live deployment fed by real terminals can
   * narrow it ({@code limits.max-event-lead = 12h}).
   */
  public static final Duration DEFAULT_MAX_EVENT_LEAD = Duration.ofDays(1_096);

  /** The limits used unless configured otherwise. */
  public static final TransactionLimits DEFAULTS =
      new TransactionLimits(
          DEFAULT_MAX_AMOUNT,
          DEFAULT_MAX_RECORD_BYTES,
          DEFAULT_MAX_TEXT_CHARS,
          DEFAULT_MAX_EVENT_AGE,
          DEFAULT_MAX_EVENT_LEAD);

  public TransactionLimits {
    Objects.requireNonNull(maxAmount, "maxAmount");
    Objects.requireNonNull(maxEventAge, "maxEventAge");
    Objects.requireNonNull(maxEventLead, "maxEventLead");
    if (maxAmount.signum() <= 0) {
      throw new IllegalArgumentException("maxAmount must be > 0 but was " + maxAmount);
    }
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be > 0 but was " + maxRecordBytes);
    }
    if (maxTextChars <= 0) {
      throw new IllegalArgumentException("maxTextChars must be > 0 but was " + maxTextChars);
    }
    if (maxEventAge.isNegative()) {
      throw new IllegalArgumentException("maxEventAge must not be negative: " + maxEventAge);
    }
    if (maxEventLead.isNegative()) {
      throw new IllegalArgumentException("maxEventLead must not be negative: " + maxEventLead);
    }
  }

  /** The default text and event-time bounds with this amount and record size. */
  public TransactionLimits(BigDecimal maxAmount, int maxRecordBytes) {
    this(
        maxAmount,
        maxRecordBytes,
        DEFAULT_MAX_TEXT_CHARS,
        DEFAULT_MAX_EVENT_AGE,
        DEFAULT_MAX_EVENT_LEAD);
  }

  /** These limits with another {@link #maxAmount()}. */
  public TransactionLimits withMaxAmount(BigDecimal value) {
    return new TransactionLimits(value, maxRecordBytes, maxTextChars, maxEventAge, maxEventLead);
  }

  /** These limits with another {@link #maxRecordBytes()}. */
  public TransactionLimits withMaxRecordBytes(int value) {
    return new TransactionLimits(maxAmount, value, maxTextChars, maxEventAge, maxEventLead);
  }

  /** These limits with another {@link #maxTextChars()}. */
  public TransactionLimits withMaxTextChars(int value) {
    return new TransactionLimits(maxAmount, maxRecordBytes, value, maxEventAge, maxEventLead);
  }

  /** These limits with another {@link #maxEventAge()}. */
  public TransactionLimits withMaxEventAge(Duration value) {
    return new TransactionLimits(maxAmount, maxRecordBytes, maxTextChars, value, maxEventLead);
  }

  /** These limits with another {@link #maxEventLead()}. */
  public TransactionLimits withMaxEventLead(Duration value) {
    return new TransactionLimits(maxAmount, maxRecordBytes, maxTextChars, maxEventAge, value);
  }
}
