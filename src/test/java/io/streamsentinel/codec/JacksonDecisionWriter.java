package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Channel;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * How decisions and alerts were written before {@link DecisionCodec} wrote their bytes itself: with
 * Jackson's generator, field by field. Kept as the reference those bytes must match.
 */
final class JacksonDecisionWriter {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /**
   * Feature names pre-encoded once: writing 44 field names per decision is the codec's largest cost
   * otherwise.
   */
  private static final SerializedString[] FEATURE_NAMES = featureNames();

  /** {@code Feature.values()} clones its array on every call; this runs for every decision. */
  private static final Feature[] FEATURES = Feature.values();

  /*
   * Field names and enum values pre-encoded once too: Jackson then copies their UTF-8 bytes instead
   * of checking every char for escapes on every decision.
   */
  private static final SerializedString ALERT_ID = new SerializedString("alert_id");
  private static final SerializedString TRANSACTION_ID = new SerializedString("transaction_id");
  private static final SerializedString USER_ID = new SerializedString("user_id");
  private static final SerializedString EVENT_TIME = new SerializedString("event_time");
  private static final SerializedString AMOUNT = new SerializedString("amount");
  private static final SerializedString CURRENCY = new SerializedString("currency");
  private static final SerializedString MERCHANT = new SerializedString("merchant");
  private static final SerializedString MERCHANT_CATEGORY =
      new SerializedString("merchant_category");
  private static final SerializedString COUNTRY = new SerializedString("country");
  private static final SerializedString CITY = new SerializedString("city");
  private static final SerializedString CHANNEL = new SerializedString("channel");
  private static final SerializedString SCORE = new SerializedString("score");
  private static final SerializedString SEVERITY = new SerializedString("severity");
  private static final SerializedString REASONS = new SerializedString("reasons");
  private static final SerializedString CODE = new SerializedString("code");
  private static final SerializedString DETAIL = new SerializedString("detail");
  private static final SerializedString CONTRIBUTION = new SerializedString("contribution");
  private static final SerializedString FEATURES_FIELD = new SerializedString("features");
  private static final SerializedString RULE_SET_VERSION = new SerializedString("rule_set_version");
  private static final SerializedString RULES_SCORE = new SerializedString("rules_score");
  private static final SerializedString MODEL_SCORE = new SerializedString("model_score");
  private static final SerializedString MODEL_VERSION = new SerializedString("model_version");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString SHADOW = new SerializedString("shadow");
  private static final SerializedString VERSION = new SerializedString("version");
  private static final SerializedString SNOOZED = new SerializedString("snoozed");
  private static final SerializedString IS_FRAUD = new SerializedString("is_fraud");
  private static final SerializedString FRAUD_PATTERN = new SerializedString("fraud_pattern");
  private static final SerializedString[] SEVERITY_NAMES =
      serialized(Severity.values(), Severity::name);
  private static final SerializedString[] CHANNEL_NAMES =
      serialized(Channel.values(), Channel::wireName);

  private JacksonDecisionWriter() {}

  static byte[] write(Decision d, Transaction tx, String alertId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] number = new byte[MicrosText.MAX_LENGTH];
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (alertId != null) {
        g.writeFieldName(ALERT_ID);
        g.writeString(alertId);
      }
      g.writeFieldName(TRANSACTION_ID);
      g.writeString(d.transactionId());
      g.writeFieldName(USER_ID);
      g.writeString(d.userId());
      g.writeFieldName(EVENT_TIME);
      g.writeString(
          d.eventTime().toString()); // the JDK's text, which InstantText.format must match
      g.writeFieldName(AMOUNT);
      g.writeNumber(d.amount());
      writeContext(g, tx);
      g.writeFieldName(SCORE);
      writeRounded(g, d.score(), number);
      g.writeFieldName(SEVERITY);
      g.writeString(SEVERITY_NAMES[d.severity().ordinal()]);
      g.writeFieldName(RULES_SCORE);
      writeRounded(g, d.rulesScore(), number);
      g.writeFieldName(MODEL_SCORE);
      if (d.modelScore() == null) {
        g.writeNull();
      } else {
        writeRounded(g, d.modelScore(), number);
      }
      g.writeFieldName(MODEL_VERSION);
      g.writeString(d.modelVersion());
      if (d.shadow() != null) {
        g.writeFieldName(SHADOW);
        g.writeStartObject();
        g.writeFieldName(VERSION);
        g.writeString(d.shadow().version());
        g.writeFieldName(SCORE);
        writeRounded(g, d.shadow().score(), number);
        g.writeEndObject();
      }
      // Only when a snooze applied: every other decision stays byte for byte as before.
      if (!d.snoozed().isEmpty()) {
        g.writeFieldName(SNOOZED);
        g.writeStartArray();
        for (int i = 0; i < d.snoozed().size(); i++) {
          g.writeString(d.snoozed().get(i));
        }
        g.writeEndArray();
      }
      writeReasons(g, d.reasons(), number);
      g.writeFieldName(FEATURES_FIELD);
      g.writeStartObject();
      for (Feature f : FEATURES) {
        g.writeFieldName(FEATURE_NAMES[f.ordinal()]);
        writeCompact(g, d.features().get(f), number);
      }
      g.writeEndObject();
      g.writeFieldName(RULE_SET_VERSION);
      g.writeString(d.ruleSetVersion());
      if (d.isFraud() != null) {
        g.writeFieldName(IS_FRAUD);
        g.writeBoolean(d.isFraud());
      }
      if (d.fraudPattern() != null) {
        g.writeFieldName(FRAUD_PATTERN);
        g.writeString(d.fraudPattern());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode decision " + d.transactionId(), e);
    }
    return out.toByteArray(); // complete: closing the generator flushed it
  }

  private static void writeContext(JsonGenerator g, Transaction tx) throws IOException {
    writeIfPresent(g, CURRENCY, tx.currency());
    writeIfPresent(g, MERCHANT, tx.merchant());
    writeIfPresent(g, MERCHANT_CATEGORY, tx.merchantCategory());
    writeIfPresent(g, COUNTRY, tx.country());
    writeIfPresent(g, CITY, tx.city());
    if (tx.channel() != null) {
      g.writeFieldName(CHANNEL);
      g.writeString(CHANNEL_NAMES[tx.channel().ordinal()]);
    }
  }

  private static void writeIfPresent(JsonGenerator g, SerializedString field, String value)
      throws IOException {
    if (value != null) {
      g.writeFieldName(field);
      g.writeString(value);
    }
  }

  private static void writeReasons(JsonGenerator g, List<Reason> reasons, byte[] number)
      throws IOException {
    g.writeFieldName(REASONS);
    g.writeStartArray();
    for (int i = 0; i < reasons.size(); i++) { // no iterator: reasons is a random-access list
      Reason r = reasons.get(i);
      g.writeStartObject();
      g.writeFieldName(CODE);
      g.writeString(r.code());
      g.writeFieldName(DETAIL);
      g.writeString(r.detail());
      g.writeFieldName(CONTRIBUTION);
      writeRounded(g, r.contribution(), number);
      g.writeFieldName(SOURCE);
      g.writeString(r.source());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static <E extends Enum<E>> SerializedString[] serialized(
      E[] values, Function<E, String> text) {
    SerializedString[] names = new SerializedString[values.length];
    for (E value : values) {
      names[value.ordinal()] = new SerializedString(text.apply(value));
    }
    return names;
  }

  private static SerializedString[] featureNames() {
    SerializedString[] names = new SerializedString[Feature.COUNT];
    for (Feature f : Feature.values()) {
      names[f.ordinal()] = new SerializedString(f.wireName());
    }
    return names;
  }

  /**
   * Counts and flags (most features) are written as integers: formatting a double costs far more
   * than a long, and this runs for every feature of every decision.
   */
  private static void writeCompact(JsonGenerator g, double v, byte[] number) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else {
      writeRounded(g, v, number);
    }
  }

  /**
   * Writes {@code round(v)} with the same text as {@code g.writeNumber(round(v))}, straight from
   * the whole millionths where {@link MicrosText} can.
   */
  private static void writeRounded(JsonGenerator g, double v, byte[] number) throws IOException {
    int end =
        Double.isFinite(v) && Math.abs(v) < FeatureVector.LOGGED_EXACT_ABOVE
            ? MicrosText.format(Math.round(v * 1e6), number, 0)
            : -1;
    if (end < 0) {
      g.writeNumber(round(v));
    } else {
      g.writeNumber(new String(number, 0, end, StandardCharsets.US_ASCII));
    }
  }

  /**
   * Six decimals are plenty for scores and features and keep the records short ({@link
   * FeatureVector#logged}); what is not finite is written as 0.
   */
  private static double round(double v) {
    return Double.isFinite(v) ? FeatureVector.logged(v) : 0.0;
  }
}
