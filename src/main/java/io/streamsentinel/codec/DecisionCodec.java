package io.streamsentinel.codec;

import static io.streamsentinel.codec.JsonBytes.asciiBytes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.FeatureVector;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.NameUuid;
import io.streamsentinel.domain.Severity;
import io.streamsentinel.domain.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wire format of decisions ({@code fraud-scores}) and alerts ({@code fraud-alerts}): JSON,
 * snake_case, in a fixed field order. The detector writes one for every transaction, so they are
 * written straight into bytes ({@link JsonBytes}), the text Jackson's generator wrote for them
 * before (byte for byte; the tests hold the two side by side). An alert is a decision plus an
 * {@code alert_id} derived from the transaction id alone, so reprocessing a transaction can never
 * mint a second id for it.
 */
public final class DecisionCodec {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  /** {@code Feature.values()} clones its array on every call; this runs for every decision. */
  private static final Feature[] FEATURES = Feature.values();

  /*
   * Field names with their punctuation, as write() copies them: every field but the first of its
   * object follows a comma, and a name that opens an object carries the object's brace.
   */
  private static final byte[] F_ALERT_ID = asciiBytes("\"alert_id\":");

  /** How every decision starts; an alert puts its id before it. */
  private static final byte[] DECISION_START = asciiBytes("{\"transaction_id\":");

  private static final byte[] F_USER_ID = asciiBytes(",\"user_id\":");
  private static final byte[] F_EVENT_TIME = asciiBytes(",\"event_time\":");
  private static final byte[] F_AMOUNT = asciiBytes(",\"amount\":");
  private static final byte[] F_CURRENCY = asciiBytes(",\"currency\":");
  private static final byte[] F_MERCHANT = asciiBytes(",\"merchant\":");
  private static final byte[] F_MERCHANT_CATEGORY = asciiBytes(",\"merchant_category\":");
  private static final byte[] F_COUNTRY = asciiBytes(",\"country\":");
  private static final byte[] F_CITY = asciiBytes(",\"city\":");
  private static final byte[] F_CHANNEL = asciiBytes(",\"channel\":");
  private static final byte[] F_SCORE = asciiBytes(",\"score\":");
  private static final byte[] F_SEVERITY = asciiBytes(",\"severity\":");
  private static final byte[] F_RULES_SCORE = asciiBytes(",\"rules_score\":");
  private static final byte[] F_MODEL_SCORE = asciiBytes(",\"model_score\":");
  private static final byte[] F_MODEL_VERSION = asciiBytes(",\"model_version\":");
  private static final byte[] F_SHADOW_VERSION = asciiBytes(",\"shadow\":{\"version\":");
  private static final byte[] F_SNOOZED = asciiBytes(",\"snoozed\":[");
  private static final byte[] F_REASONS = asciiBytes(",\"reasons\":[");
  private static final byte[] F_FIRST_CODE = asciiBytes("{\"code\":");
  private static final byte[] F_NEXT_CODE = asciiBytes(",{\"code\":");
  private static final byte[] F_DETAIL = asciiBytes(",\"detail\":");
  private static final byte[] F_CONTRIBUTION = asciiBytes(",\"contribution\":");
  private static final byte[] F_SOURCE = asciiBytes(",\"source\":");
  private static final byte[] F_FEATURES = asciiBytes(",\"features\":{");
  private static final byte[] F_RULE_SET_VERSION = asciiBytes(",\"rule_set_version\":");
  private static final byte[] F_IS_FRAUD = asciiBytes(",\"is_fraud\":");
  private static final byte[] F_FRAUD_PATTERN = asciiBytes(",\"fraud_pattern\":");

  /** By ordinal; the first without its comma. */
  private static final byte[][] FEATURE_FIELDS = featureFields();

  private static final byte[][] SEVERITY_VALUES =
      JsonBytes.quoted(Severity.values(), Severity::name);

  private DecisionCodec() {}

  /** The alert id of a transaction: a name-based UUID of its id, the same on every run. */
  public static String alertId(String transactionId) {
    return "alert-" + NameUuid.of("alert:" + transactionId);
  }

  /**
   * A decision as written to {@code fraud-scores}: the decision plus the transaction's descriptive
   * fields (merchant, category, country, city, channel, currency) that reports group by, so the
   * system of record needs no join with the input topic.
   */
  public static byte[] encodeDecision(Decision d, Transaction tx) {
    return write(d, tx);
  }

  /** An alert as written to {@code fraud-alerts}; see {@link #encodeDecision}. */
  public static byte[] encodeAlert(Decision d, Transaction tx) {
    return alertOf(encodeDecision(d, tx), d.transactionId());
  }

  /**
   * The alert of a decision {@link #encodeDecision} wrote: its {@code alert_id} first, then the
   * decision's fields as they are. The detector writes both for an alert, and this copies the
   * decision's bytes instead of writing them a second time.
   *
   * @param decision bytes from {@link #encodeDecision}
   * @param transactionId the decision's transaction id, which the alert id derives from
   * @throws IllegalArgumentException when {@code decision} does not start as a decision does
   */
  public static byte[] alertOf(byte[] decision, String transactionId) {
    return withAlertId(decision, alertId(transactionId));
  }

  /** {@link #alertOf} with any alert id; package-private for tests of ids that need escapes. */
  static byte[] withAlertId(byte[] decision, String alertId) {
    if (decision.length < DECISION_START.length
        || !Arrays.equals(
            decision, 0, DECISION_START.length, DECISION_START, 0, DECISION_START.length)) {
      throw new IllegalArgumentException("not a decision's bytes: no leading transaction_id");
    }
    JsonBytes out = JsonBytes.scratch();
    out.raw((byte) '{');
    out.raw(F_ALERT_ID);
    out.string(alertId);
    out.raw((byte) ',');
    return out.toByteArray(decision, 1); // the decision from "transaction_id" on
  }

  private static byte[] write(Decision d, Transaction tx) {
    JsonBytes out = JsonBytes.scratch();
    out.raw(DECISION_START);
    out.string(d.transactionId());
    out.raw(F_USER_ID);
    out.string(d.userId());
    out.raw(F_EVENT_TIME);
    out.instant(d.eventTime());
    out.raw(F_AMOUNT);
    out.ascii(d.amount().toString()); // what Jackson's writeNumber(BigDecimal) wrote
    writeContext(out, tx);
    out.raw(F_SCORE);
    writeRounded(out, d.score());
    out.raw(F_SEVERITY);
    out.raw(SEVERITY_VALUES[d.severity().ordinal()]);
    out.raw(F_RULES_SCORE);
    writeRounded(out, d.rulesScore());
    out.raw(F_MODEL_SCORE);
    if (d.modelScore() == null) {
      out.nullValue();
    } else {
      writeRounded(out, d.modelScore());
    }
    out.raw(F_MODEL_VERSION);
    out.string(d.modelVersion());
    if (d.shadow() != null) {
      out.raw(F_SHADOW_VERSION);
      out.string(d.shadow().version());
      out.raw(F_SCORE);
      writeRounded(out, d.shadow().score());
      out.raw((byte) '}');
    }
    if (!d.snoozed().isEmpty()) {
      out.raw(F_SNOOZED);
      for (int i = 0; i < d.snoozed().size(); i++) {
        if (i > 0) {
          out.raw((byte) ',');
        }
        out.string(d.snoozed().get(i));
      }
      out.raw((byte) ']');
    }
    writeReasons(out, d.reasons());
    out.raw(F_FEATURES);
    for (Feature f : FEATURES) {
      out.raw(FEATURE_FIELDS[f.ordinal()]);
      writeCompact(out, d.features().get(f));
    }
    out.raw((byte) '}');
    out.raw(F_RULE_SET_VERSION);
    out.string(d.ruleSetVersion());
    if (d.isFraud() != null) {
      out.raw(F_IS_FRAUD);
      out.bool(d.isFraud());
    }
    if (d.fraudPattern() != null) {
      out.raw(F_FRAUD_PATTERN);
      out.string(d.fraudPattern());
    }
    out.raw((byte) '}');
    return out.toByteArray();
  }

  private static void writeContext(JsonBytes out, Transaction tx) {
    out.optional(F_CURRENCY, tx.currency());
    out.optional(F_MERCHANT, tx.merchant());
    out.optional(F_MERCHANT_CATEGORY, tx.merchantCategory());
    out.optional(F_COUNTRY, tx.country());
    out.optional(F_CITY, tx.city());
    if (tx.channel() != null) {
      out.raw(F_CHANNEL);
      out.raw(TransactionWriter.channel(tx.channel()));
    }
  }

  private static void writeReasons(JsonBytes out, List<Reason> reasons) {
    out.raw(F_REASONS);
    for (int i = 0; i < reasons.size(); i++) { // no iterator: reasons is a random-access list
      Reason r = reasons.get(i);
      out.raw(i == 0 ? F_FIRST_CODE : F_NEXT_CODE);
      out.string(r.code());
      out.raw(F_DETAIL);
      out.string(r.detail());
      out.raw(F_CONTRIBUTION);
      writeRounded(out, r.contribution());
      out.raw(F_SOURCE);
      out.string(r.source());
      out.raw((byte) '}');
    }
    out.raw((byte) ']');
  }

  private static void writeCompact(JsonBytes out, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.number((long) v);
    } else {
      writeRounded(out, v);
    }
  }

  /**
   * Every double a decision carries goes through {@link #round}. Most are printed by {@link
   * MicrosText}; the rest (below 0.001, from 10^7 up) by Jackson's Schubfach writer instead of
   * {@code Double.toString}, which prints the same text for such six-decimal values (checked over
   * 27 million of them: -2 to 20 in steps of 1e-6 and log-normal values up to 1e17).
   */
  private static void writeRounded(JsonBytes out, double v) {
    if (!(Double.isFinite(v) && Math.abs(v) < FeatureVector.LOGGED_EXACT_ABOVE)
        || !out.micros(Math.round(v * 1e6))) {
      out.ascii(NumberOutput.toString(round(v), true));
    }
  }

  /**
   * Six decimals are plenty for scores and features and keep the records short ({@link
   * FeatureVector#logged}); what is not finite is written as 0.
   */
  private static double round(double v) {
    return Double.isFinite(v) ? FeatureVector.logged(v) : 0.0;
  }

  private static byte[][] featureFields() {
    byte[][] fields = new byte[FEATURES.length][];
    for (int i = 0; i < FEATURES.length; i++) {
      fields[i] = asciiBytes((i == 0 ? "" : ",") + '"' + FEATURES[i].wireName() + "\":");
    }
    return fields;
  }

  /**
   * Reads the fields of a decision or alert that evaluation, reports and tests need.
   *
   * @throws IllegalArgumentException when the bytes are not a decision
   */
  public static DecisionSummary decodeSummary(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a decision must be a JSON object");
      }
      DecisionSummary.Builder b = new DecisionSummary.Builder();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "alert_id" -> b.alertId = p.getText();
          case "transaction_id" -> b.transactionId = p.getText();
          case "user_id" -> b.userId = p.getText();
          case "score" -> b.score = p.getDoubleValue();
          case "severity" -> b.severity = p.getText();
          case "is_fraud" -> b.isFraud = p.getBooleanValue();
          case "fraud_pattern" -> b.fraudPattern = p.getText();
          case "reasons" -> b.reasonCodes = reasonCodes(p);
          case "features" -> b.historyCount = historyCount(p);
          case "rules_score" -> b.rulesScore = p.getDoubleValue();
          case "model_version" ->
              b.modelVersion = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
          case "snoozed" -> b.snoozed = strings(p);
          default -> p.skipChildren();
        }
      }
      return b.build();
    } catch (IOException e) {
      throw new IllegalArgumentException("not a decision: " + e.getMessage(), e);
    }
  }

  private static long historyCount(JsonParser p) throws IOException {
    long count = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals(Feature.HISTORY_COUNT.wireName())) {
        count = (long) p.getDoubleValue();
      }
    }
    return count;
  }

  private static List<String> strings(JsonParser p) throws IOException {
    List<String> values = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return values;
    }
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
      if (t == JsonToken.VALUE_STRING) {
        values.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return values;
  }

  private static List<String> reasonCodes(JsonParser p) throws IOException {
    List<String> codes = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("code")) {
          codes.add(p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
    return codes;
  }
}
