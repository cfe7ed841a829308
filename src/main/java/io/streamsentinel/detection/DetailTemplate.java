package io.streamsentinel.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The human-readable detail of a rule's reason, naming feature values in braces, e.g. {@code
 * "{tx_count_1m} transactions in 60 s"}. Parsed once when the rule is built, so rendering is a walk
 * over literal parts and feature slots. Numbers print as whole numbers when whole and with at most
 * two decimals otherwise ({@code 7}, {@code 2.5}, {@code 1234.57}).
 */
public final class DetailTemplate {

  /** Beyond this a value prints as a whole number: no fraction worth showing, no long overflow. */
  private static final double LARGEST_WITH_DECIMALS = 1e13;

  private static final int HUNDREDTHS = 100;

  /** Significant digits of a value below 1: scaled until it reaches three digits. */
  private static final double THREE_DIGITS = 100;

  /** Below 1e-9 a value prints as 0: nothing a reader can act on. */
  private static final int MAX_DECIMALS = 9;

  private final String source;
  private final String[] literals;
  private final int[] slots;

  private DetailTemplate(String source, String[] literals, int[] slots) {
    this.source = source;
    this.literals = literals;
    this.slots = slots;
  }

  /**
   * Parses a template.
   *
   * @throws InvalidRuleException for the {@code detail} field when a brace is unbalanced or a
   *     placeholder names no {@link Feature}
   */
  public static DetailTemplate parse(String source) {
    if (source == null || source.isBlank()) {
      throw new InvalidRuleException("detail", "missing");
    }
    List<String> literals = new ArrayList<>();
    List<Feature> slots = new ArrayList<>();
    int from = 0;
    int open;
    while ((open = source.indexOf('{', from)) >= 0) {
      int close = source.indexOf('}', open);
      if (close < 0) {
        throw new InvalidRuleException("detail", "unclosed '{' at " + open);
      }
      literals.add(checkedLiteral(source.substring(from, open)));
      slots.add(placeholder(source.substring(open + 1, close)));
      from = close + 1;
    }
    literals.add(checkedLiteral(source.substring(from)));
    return new DetailTemplate(
        source, literals.toArray(new String[0]), slots.stream().mapToInt(Enum::ordinal).toArray());
  }

  /** The template as written. */
  public String source() {
    return source;
  }

  /** The detail with every placeholder replaced by its feature's value. */
  public String render(FeatureVector features) {
    if (slots.length == 0) {
      return literals[0]; // nothing to fill in: the text as written
    }
    StringBuilder out = new StringBuilder(source.length() + 8 * slots.length);
    for (int i = 0; i < slots.length; i++) {
      out.append(literals[i]);
      appendNumber(out, features.get(slots[i]));
    }
    return out.append(literals[slots.length]).toString();
  }

  /** A value as {@link #render} prints it. */
  public static String formatNumber(double value) {
    StringBuilder out = new StringBuilder();
    appendNumber(out, value);
    return out.toString();
  }

  private static void appendNumber(StringBuilder out, double value) {
    if (!Double.isFinite(value)) {
      out.append(value);
      return;
    }
    if (Math.abs(value) >= LARGEST_WITH_DECIMALS) {
      out.append(Math.round(value));
      return;
    }
    if (value != 0 && Math.abs(value) < 1 && appendSmall(out, value)) {
      return;
    }
    long hundredths = Math.round(value * HUNDREDTHS);
    if (hundredths < 0) {
      out.append('-');
      hundredths = -hundredths;
    }
    out.append(hundredths / HUNDREDTHS);
    int fraction = (int) (hundredths % HUNDREDTHS);
    if (fraction != 0) {
      out.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        out.append(fraction % 10);
      }
    }
  }

  /** Appends a value in (-1, 1) with three significant digits; false if it rounds to 1 or 0. */
  private static boolean appendSmall(StringBuilder out, double value) {
    double scaled = Math.abs(value);
    int decimals = 0;
    while (scaled < THREE_DIGITS && decimals < MAX_DECIMALS) {
      scaled *= 10;
      decimals++;
    }
    String digits = Long.toString(Math.round(scaled));
    if (digits.length() > decimals || Math.round(scaled) == 0) {
      return false;
    }
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    out.append(value < 0 ? "-0." : "0.");
    for (int i = digits.length(); i < decimals; i++) {
      out.append('0');
    }
    out.append(digits, 0, end);
    return true;
  }

  private static String checkedLiteral(String literal) {
    int stray = literal.indexOf('}');
    if (stray >= 0) {
      throw new InvalidRuleException("detail", "'}' without a matching '{' in '" + literal + "'");
    }
    return literal;
  }

  private static Feature placeholder(String name) {
    try {
      return Feature.fromWire(name.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidRuleException("detail", "placeholder {" + name + "} names no feature");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DetailTemplate that && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source);
  }

  @Override
  public String toString() {
    return source;
  }
}
