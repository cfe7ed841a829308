package io.streamsentinel.codec;

import static io.streamsentinel.codec.EventFields.requirePresent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.streamsentinel.domain.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole {@code fraud-scores} or {@code fraud-alerts} record into a {@link
 * DecisionDocument}, naming the field when a value is missing or has the wrong shape.
 *
 * <p>The {@code reasons} array and the {@code features} object are kept as the record's own bytes
 * of them, decoded as UTF-8: the parser checks their syntax while skipping them, and its byte
 * offsets say where they start and end. That is the text {@link DecisionCodec} wrote, compact, and
 * the same text a Jackson generator copying the tokens would write (a generator per record was a
 * tenth of the sink's polling thread); only text with an escaped surrogate pair still goes through
 * a generator, which writes it otherwise. Other input keeps its own form — whitespace, escapes,
 * number spelling — which is still the same JSON, and JSONB stores it normalised.
 */
public final class DecisionDocumentReader {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String EVENT = "a decision";
  private static final int MAX_SCALE = 8;
  private static final int MAX_INTEGER_DIGITS = 15;

  private DecisionDocumentReader() {}

  /**
   * @throws IllegalArgumentException naming the field, when the bytes are not a decision
   */
  public static DecisionDocument read(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a decision must be a JSON object");
      }
      if (p.currentTokenLocation().getByteOffset() < 0) {
        // Jackson reads UTF-16 and UTF-32 through a Reader, without byte offsets.
        throw new IllegalArgumentException("a decision must be JSON in UTF-8");
      }
      return readFields(p, bytes);
    } catch (IOException e) {
      throw EventFields.notJson(EVENT, e);
    }
  }

  private static DecisionDocument readFields(JsonParser p, byte[] bytes) throws IOException {
    Fields f = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "alert_id" -> f.alertId = EventFields.string(p, field);
        case "transaction_id" -> f.transactionId = EventFields.string(p, field);
        case "user_id" -> f.userId = EventFields.string(p, field);
        case "event_time" -> f.eventTime = EventFields.instant(p, field);
        case "amount" -> f.amount = decimal(p, field);
        case "currency" -> f.currency = EventFields.string(p, field);
        case "merchant" -> f.merchant = EventFields.string(p, field);
        case "merchant_category" -> f.merchantCategory = EventFields.string(p, field);
        case "country" -> f.country = EventFields.string(p, field);
        case "city" -> f.city = EventFields.string(p, field);
        case "channel" -> f.channel = EventFields.string(p, field);
        case "score" -> f.score = EventFields.number(p, field);
        case "severity" -> f.severity = EventFields.severity(p, field);
        case "reasons" -> readReasons(p, bytes, f);
        case "features" -> f.featuresJson = objectText(p, bytes, field);
        case "rule_set_version" -> f.ruleSetVersion = EventFields.string(p, field);
        case "rules_score" -> f.rulesScore = EventFields.number(p, field);
        case "model_score" -> f.modelScore = nullableNumber(p, field);
        case "model_version" -> f.modelVersion = nullableString(p, field);
        case "shadow" -> readShadow(p, f);
        case "snoozed" -> f.snoozed = readSnoozed(p);
        case "is_fraud" -> f.isFraud = bool(p, field);
        case "fraud_pattern" -> f.fraudPattern = EventFields.string(p, field);
        default -> p.skipChildren();
      }
    }
    return f.build();
  }

  private static void readShadow(JsonParser p, Fields f) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw EventFields.wrongType("shadow", "an object", p.currentToken());
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "version" -> f.shadowVersion = EventFields.string(p, "shadow.version");
        case "score" -> f.shadowScore = EventFields.number(p, "shadow.score");
        default -> p.skipChildren();
      }
    }
  }

  /** The names of the snoozed rules; null or absent is none. */
  private static List<String> readSnoozed(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    EventFields.requireArray(p, "snoozed");
    List<String> rules = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw EventFields.wrongType("snoozed[]", "a string", p.currentToken());
      }
      rules.add(EventFields.string(p, "snoozed[]"));
    }
    return rules;
  }

  private static Double nullableNumber(JsonParser p, String field) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : EventFields.number(p, field);
  }

  private static String nullableString(JsonParser p, String field) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : EventFields.string(p, field);
  }

  private static void readReasons(JsonParser p, byte[] bytes, Fields f) throws IOException {
    EventFields.requireArray(p, "reasons");
    int start = tokenStart(p);
    List<String> codes = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw EventFields.wrongType("reasons[]", "an object", p.currentToken());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("code")) {
          if (p.currentToken() == JsonToken.VALUE_NULL) {
            throw EventFields.wrongType("reasons[].code", "a string", JsonToken.VALUE_NULL);
          }
          codes.add(EventFields.string(p, "reasons[].code"));
        }
        p.skipChildren();
      }
    }
    f.reasonsJson = textSince(p, bytes, start, "reasons");
    f.reasonCodes = codes;
  }

  private static String objectText(JsonParser p, byte[] bytes, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw EventFields.wrongType(field, "an object", p.currentToken());
    }
    int start = tokenStart(p);
    p.skipChildren();
    return textSince(p, bytes, start, field);
  }

  /** Where the current token ({@code [} or <code>{</code>) starts in the input. */
  private static int tokenStart(JsonParser p) {
    return (int) p.currentTokenLocation().getByteOffset();
  }

  /**
   * The input from {@code start} to the end of the current token, a closing bracket: the parser has
   * consumed nothing past it.
   */
  private static String textSince(JsonParser p, byte[] bytes, int start, String field)
      throws IOException {
    int end = (int) p.currentLocation().getByteOffset();
    if (hasNulEscape(bytes, start, end)) {
      // JSONB refuses it; raw NUL bytes the parser already refused as control characters.
      throw new IllegalArgumentException(field + ": contains a NUL character (\\u0000)");
    }
    if (hasSurrogateEscape(bytes, start, end)) {
      return generatorCopy(bytes, start, end);
    }
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Whether the text holds an escaped surrogate (a backslash-u escape of D800 to DFFF). Jackson's
   * UTF-8 generator, which the detector writes with, escapes a character outside the BMP (an emoji
   * in a rule's detail) as two of them, where a generator writing chars keeps the character: such
   * text still goes through a generator, so that it reads as it always did.
   */
  private static boolean hasSurrogateEscape(byte[] b, int from, int to) {
    for (int i = from; i < to - 3; i++) {
      if (b[i] == '\\') {
        if (b[i + 1] == 'u' && (b[i + 2] | 0x20) == 'd' && isSurrogateNibble(b[i + 3])) {
          return true;
        }
        i++; // the escaped character, which may itself be a backslash
      }
    }
    return false;
  }

  /** Whether the text holds the escape of U+0000, a backslash-u followed by four zeros. */
  private static boolean hasNulEscape(byte[] b, int from, int to) {
    for (int i = from; i < to - 5; i++) {
      if (b[i] == '\\') {
        if (b[i + 1] == 'u'
            && b[i + 2] == '0'
            && b[i + 3] == '0'
            && b[i + 4] == '0'
            && b[i + 5] == '0') {
          return true;
        }
        i++; // the escaped character, which may itself be a backslash
      }
    }
    return false;
  }

  private static boolean isSurrogateNibble(byte c) {
    return (c >= '8' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /** The text as a generator copying its tokens writes it: compact, surrogate pairs unescaped. */
  private static String generatorCopy(byte[] bytes, int start, int end) throws IOException {
    try (JsonParser p = JSON.createParser(bytes, start, end - start);
        SegmentedStringWriter text = new SegmentedStringWriter(new BufferRecycler());
        JsonGenerator g = JSON.createGenerator(text)) {
      p.nextToken();
      g.copyCurrentStructure(p);
      g.flush();
      return text.getAndClear();
    }
  }

  private static BigDecimal decimal(JsonParser p, String field) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw EventFields.wrongType(field, "a number", p.currentToken());
    }
    BigDecimal value = p.getDecimalValue();
    // Bounded so that storing it (as NUMERIC text) can never become an attack.
    if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          field + ": " + value.toString() + " is outside the storable range");
    }
    return value;
  }

  private static Boolean bool(JsonParser p, String field) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw EventFields.wrongType(field, "true or false", p.currentToken());
    };
  }

  /** Collects fields in any order, then checks the required ones. */
  private static final class Fields {
    String alertId;
    String transactionId;
    String userId;
    Instant eventTime;
    BigDecimal amount;
    String currency;
    String merchant;
    String merchantCategory;
    String country;
    String city;
    String channel;
    Double score;
    Severity severity;
    String reasonsJson = "[]";
    String featuresJson;
    List<String> reasonCodes = List.of();
    String ruleSetVersion;
    Boolean isFraud;
    String fraudPattern;
    Double rulesScore;
    Double modelScore;
    String modelVersion;
    String shadowVersion;
    Double shadowScore;
    List<String> snoozed = List.of();

    DecisionDocument build() {
      requirePresent(transactionId, "transaction_id", EVENT);
      requirePresent(userId, "user_id", EVENT);
      requirePresent(eventTime, "event_time", EVENT);
      requirePresent(amount, "amount", EVENT);
      requirePresent(score, "score", EVENT);
      requirePresent(severity, "severity", EVENT);
      requirePresent(featuresJson, "features", EVENT);
      requirePresent(ruleSetVersion, "rule_set_version", EVENT);
      return new DecisionDocument(
          alertId,
          transactionId,
          userId,
          eventTime,
          amount,
          currency,
          merchant,
          merchantCategory,
          country,
          city,
          channel,
          score,
          severity,
          reasonsJson,
          featuresJson,
          reasonCodes,
          ruleSetVersion,
          isFraud,
          fraudPattern,
          rulesScore == null ? score : rulesScore,
          modelScore,
          modelVersion,
          shadowVersion,
          shadowScore,
          snoozed);
    }
  }
}
