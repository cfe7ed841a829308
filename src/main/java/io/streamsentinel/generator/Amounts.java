package io.streamsentinel.generator;

import java.math.BigDecimal;

/** Turns simulated amounts into money: BigDecimal with scale 2, within (0, 1,000,000). */
final class Amounts {

  static final long MIN_CENTS = 1;
  static final long MAX_CENTS = 99_999_999;

  private Amounts() {}

  /** Rounded to the nearest cent. */
  static BigDecimal rounded(double amount) {
    return ofCents(Math.round(amount * 100));
  }

  /**
   * Rounded up to the next cent, so that a fraud amount drawn as "at least k times typical" stays
   * at least k times typical after rounding.
   */
  static BigDecimal roundedUp(double amount) {
    return ofCents((long) Math.ceil(amount * 100));
  }

  /**
   * Rounded to a whole unit, for currencies without a minor unit in use (yen): still scale 2 on the
   * wire, like every amount, but always {@code .00}.
   */
  static BigDecimal wholeUnits(double amount) {
    return ofCents(Math.round(amount) * 100);
  }

  /** Rounded up to a whole unit, for "at least k times typical" in such a currency. */
  static BigDecimal wholeUnitsUp(double amount) {
    return ofCents((long) Math.ceil(amount) * 100);
  }

  static BigDecimal ofCents(long cents) {
    return BigDecimal.valueOf(Math.min(MAX_CENTS, Math.max(MIN_CENTS, cents)), 2);
  }
}
