package io.streamsentinel.codec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Bounds the codec enforces on records from the wire, beyond what every transaction must satisfy.
 *
 * @param maxAmount largest accepted amount, inclusive; never null, &gt; 0. A sanity bound against
 *     unit mix-ups (cents sent as euros) and garbage, not a business rule.
 * @param maxRecordBytes largest accepted record in bytes, checked before parsing; &gt; 0
 */
public record TransactionLimits(BigDecimal maxAmount, int maxRecordBytes) {

  /** Default {@link #maxAmount()}: 1,000,000.00. */
  public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000.00");

  /** Default {@link #maxRecordBytes()}: 64 KiB, far above a real event (~500 bytes). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 65_536;

  /** The limits used unless configured otherwise. */
  public static final TransactionLimits DEFAULTS =
      new TransactionLimits(DEFAULT_MAX_AMOUNT, DEFAULT_MAX_RECORD_BYTES);

  public TransactionLimits {
    Objects.requireNonNull(maxAmount, "maxAmount");
    if (maxAmount.signum() <= 0) {
      throw new IllegalArgumentException("maxAmount must be > 0 but was " + maxAmount);
    }
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be > 0 but was " + maxRecordBytes);
    }
  }

  /** These limits with another {@link #maxAmount()}. */
  public TransactionLimits withMaxAmount(BigDecimal value) {
    return new TransactionLimits(value, maxRecordBytes);
  }

  /** These limits with another {@link #maxRecordBytes()}. */
  public TransactionLimits withMaxRecordBytes(int value) {
    return new TransactionLimits(maxAmount, value);
  }
}
