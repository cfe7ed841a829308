package io.streamsentinel.codec;

import static io.streamsentinel.codec.ProblemText.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.InvalidTransactionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads one field value at the parser's current token, which is never {@code null} (the caller
 * treats JSON null as absent), and names the field when the value has the wrong shape.
 */
final class WireValues {

  /**
   * More decimal places than money ever needs. Bounding the scale also stops {@code 1e-999999999},
   * a few bytes on the wire, from becoming a gigabyte string when anything prints it in plain form.
   */
  static final int MAX_AMOUNT_SCALE = 18;

  private static final String TIMESTAMP_EXPECTED =
      "(expected ISO-8601 like 2025-08-26T14:30:00Z, or epoch milliseconds)";

  private WireValues() {}

  /**
   * A text field of at most {@code maxChars} chars, free of control characters and unpaired
   * surrogates (which no real name holds, and which no UTF-8 encoder can write back).
   */
  static String string(JsonParser parser, WireField field, int maxChars) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(field, "a string", parser.currentToken());
    }
    // Checked before the text is built: the length is known from the parser's buffer.
    if (parser.getTextLength() > maxChars) {
      throw invalid(
          field, "longer than " + maxChars + " characters (" + parser.getTextLength() + ")");
    }
    return requirePrintable(parser.getText(), field);
  }

  /**
   * An id as a string; integers are taken as their text because many real systems number their ids.
   */
  static String id(JsonParser parser, WireField field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(field, "a string or an integer", token);
    }
    // The length is bounded by Transaction, the characters here.
    return token == JsonToken.VALUE_STRING
        ? requirePrintable(parser.getText(), field)
        : parser.getText();
  }

  /** The text, when it holds no C0 control character, no DEL and no unpaired surrogate. */
  static String requirePrintable(String text, WireField field) {
    String problem = unprintable(text);
    if (problem != null) {
      throw invalid(field, problem);
    }
    return text;
  }

  /**
   * What makes the text unprintable, in words naming the character and its index: a C0 control
   * character (NUL among them, which PostgreSQL text cannot hold), DEL or an unpaired surrogate
   * (which has no UTF-8 form); null when there is nothing.
   */
  static String unprintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c == '\u007f') {
        return String.format("contains control character U+%04X at index %d", (int) c, i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired surrogate at index " + i;
      }
    }
    return null;
  }

  static Double number(JsonParser parser, WireField field) throws IOException {
    if (!parser.currentToken().isNumeric()) {
      throw wrongType(field, "a number", parser.currentToken());
    }
    return parser.getDoubleValue();
  }

  static Boolean bool(JsonParser parser, WireField field) throws IOException {
    if (!parser.currentToken().isBoolean()) {
      throw wrongType(field, "a boolean", parser.currentToken());
    }
    return parser.getBooleanValue();
  }

  static Channel channel(JsonParser parser, int maxChars) throws IOException {
    String wire = string(parser, WireField.CHANNEL, maxChars);
    try {
      return Channel.fromWire(wire);
    } catch (InvalidTransactionException verbatim) {
      // Channel echoes the rejected value as is: let it word the problem again with a value safe to
      // log (masking and truncating never turn an unknown value into a known one, so this throws).
      return Channel.fromWire(ProblemText.safe(wire));
    }
  }

  /**
   * An amount from a JSON number or a string holding a plain decimal, exact to its scale, at most
   * {@code maxAmount}. Whether it is positive is left to {@link
   * io.streamsentinel.domain.Transaction}.
   */
  static BigDecimal amount(JsonParser parser, BigDecimal maxAmount) throws IOException {
    JsonToken token = parser.currentToken();
    BigDecimal amount;
    if (token.isNumeric()) {
      amount = parser.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING && isPlainDecimal(parser.getText())) {
      amount = new BigDecimal(parser.getText());
    } else {
      throw invalid(WireField.AMOUNT, "not a number (" + describeValue(parser) + ")");
    }
    return requireWithinBounds(amount, maxAmount);
  }

  static Instant timestamp(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parseInstant(parser.getText());
    }
    NumberType type = token == JsonToken.VALUE_NUMBER_INT ? parser.getNumberType() : null;
    if (type == NumberType.INT || type == NumberType.LONG) {
      return Instant.ofEpochMilli(parser.getLongValue());
    }
    throw invalid(
        WireField.TIMESTAMP, "cannot parse " + describeValue(parser) + " " + TIMESTAMP_EXPECTED);
  }

  /** What a token is, in words, e.g. {@code an object}. */
  static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  private static BigDecimal requireWithinBounds(BigDecimal amount, BigDecimal maxAmount) {
    if (amount.compareTo(maxAmount) > 0) {
      throw invalid(
          WireField.AMOUNT,
          ProblemText.safe(amount.toString())
              + " exceeds the sanity bound of "
              + maxAmount.toPlainString());
    }
    if (amount.scale() > MAX_AMOUNT_SCALE) {
      throw invalid(
          WireField.AMOUNT,
          "more than " + MAX_AMOUNT_SCALE + " decimal places (" + quote(amount.toString()) + ")");
    }
    if (amount.scale() < -MAX_AMOUNT_SCALE) {
      // Only a hugely negative amount gets here (a huge positive one exceeded the bound above).
      throw invalid(WireField.AMOUNT, "out of range (" + quote(amount.toString()) + ")");
    }
    return amount;
  }

  private static Instant parseInstant(String text) {
    try {
      return InstantText.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(WireField.TIMESTAMP, "cannot parse " + quote(text) + " " + TIMESTAMP_EXPECTED);
    }
  }

  /**
   * Digits with an optional leading minus and an optional fraction: no exponent, no NaN, no spaces.
   */
  static boolean isPlainDecimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int integerEnd = skipDigits(text, start);
    if (integerEnd == start) {
      return false;
    }
    if (integerEnd == text.length()) {
      return true;
    }
    int fractionEnd = skipDigits(text, integerEnd + 1);
    return text.charAt(integerEnd) == '.'
        && fractionEnd > integerEnd + 1
        && fractionEnd == text.length();
  }

  private static int skipDigits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static String describeValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return token.isScalarValue() ? quote(parser.getText()) : describe(token);
  }

  private static InvalidTransactionException wrongType(
      WireField field, String expected, JsonToken actual) {
    return invalid(field, "expected " + expected + " but was " + describe(actual));
  }

  private static InvalidTransactionException invalid(WireField field, String problem) {
    return new InvalidTransactionException(field.wireName, problem);
  }
}
