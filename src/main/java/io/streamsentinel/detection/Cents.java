package io.streamsentinel.detection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts inside a profile are whole cents in a {@code long}: exact, compact and cheap to add.
 * Features are doubles in currency units; they are scores, not money.
 */
public final class Cents {

  /** Cents per currency unit (all currencies are treated as having two decimals). */
  static final double PER_UNIT = 100.0;

  /** Far above any amount the codec accepts; keeps the conversion total. */
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Cents() {}

  /** The amount in whole cents, rounded half-even; saturates instead of overflowing. */
  static long of(BigDecimal amount) {
    BigDecimal cents = amount.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN);
    return cents.compareTo(MAX) >= 0 ? Long.MAX_VALUE : cents.longValue();
  }

  /** Cents as an exact decimal amount in currency units, e.g. 1999 as 19.99. */
  public static BigDecimal toDecimal(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Cents as currency units. */
  static double toUnits(long cents) {
    return cents / PER_UNIT;
  }
}
