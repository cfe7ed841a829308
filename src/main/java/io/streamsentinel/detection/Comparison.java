package io.streamsentinel.detection;

/** How a {@link Condition} compares a feature value with its threshold. */
public enum Comparison {
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  /** Exact equality: meant for the 0/1 flags and whole-number counts, not for measured values. */
  EQUAL("==");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in rule files, e.g. {@code >=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code value <op> threshold} holds; false whenever either is NaN. */
  public boolean test(double value, double threshold) {
    switch (this) {
      case GREATER:
        return value > threshold;
      case GREATER_OR_EQUAL:
        return value >= threshold;
      case LESS:
        return value < threshold;
      case LESS_OR_EQUAL:
        return value <= threshold;
      default:
        return value == threshold;
    }
  }

  /**
   * The comparison written as {@code symbol}.
   *
   * @throws IllegalArgumentException when the symbol is none of {@code > >= < <= ==}
   */
  public static Comparison fromSymbol(String symbol) {
    for (Comparison comparison : values()) {
      if (comparison.symbol.equals(symbol)) {
        return comparison;
      }
    }
    throw new IllegalArgumentException(
        "unknown operator '" + symbol + "' (expected >, >=, <, <= or ==)");
  }
}
