package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.Feature;
import io.streamsentinel.detection.Reason;
import io.streamsentinel.domain.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The wire format of decisions ({@code fraud-scores}) and alerts ({@code fraud-alerts}): JSON,
 * snake_case, written with Jackson's streaming API. An alert is a decision plus an {@code alert_id}
 * derived from the transaction id alone, so reprocessing a transaction can never mint a second id
 * for it.
 */
public final class DecisionCodec {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Feature names pre-encoded once: writing 29 field names per decision is the codec's largest cost
   * otherwise.
   */
  private static final SerializedString[] FEATURE_NAMES = featureNames();

  /** {@code Feature.values()} clones its array on every call; this runs for every decision. */
  private static final Feature[] FEATURES = Feature.values();

  private DecisionCodec() {}

  /** The alert id of a transaction: a name-based UUID of its id, the same on every run. */
  public static String alertId(String transactionId) {
    return "alert-"
        + UUID.nameUUIDFromBytes(("alert:" + transactionId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A decision as written to {@code fraud-scores}: the decision plus the transaction's descriptive
   * fields (merchant, category, country, city, channel, currency) that reports group by, so the
   * system of record needs no join with the input topic.
   */
  public static byte[] encodeDecision(Decision d, Transaction tx) {
    return write(d, tx, null);
  }

  /** An alert as written to {@code fraud-alerts}; see {@link #encodeDecision}. */
  public static byte[] encodeAlert(Decision d, Transaction tx) {
    return write(d, tx, alertId(d.transactionId()));
  }

  private static byte[] write(Decision d, Transaction tx, String alertId) {
    ExactByteOutput out = new ExactByteOutput();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (alertId != null) {
        g.writeStringField("alert_id", alertId);
      }
      g.writeStringField("transaction_id", d.transactionId());
      g.writeStringField("user_id", d.userId());
      g.writeStringField("event_time", InstantText.format(d.eventTime()));
      g.writeFieldName("amount");
      g.writeNumber(d.amount());
      writeContext(g, tx);
      g.writeNumberField("score", round(d.score()));
      g.writeStringField("severity", d.severity().name());
      writeReasons(g, d.reasons());
      g.writeObjectFieldStart("features");
      for (Feature f : FEATURES) {
        g.writeFieldName(FEATURE_NAMES[f.ordinal()]);
        writeCompact(g, d.features().get(f));
      }
      g.writeEndObject();
      g.writeStringField("rule_set_version", d.ruleSetVersion());
      if (d.isFraud() != null) {
        g.writeBooleanField("is_fraud", d.isFraud());
      }
      if (d.fraudPattern() != null) {
        g.writeStringField("fraud_pattern", d.fraudPattern());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode decision " + d.transactionId(), e);
    }
    return out.toByteArray(); // complete: closing the generator flushed it
  }

  private static void writeContext(JsonGenerator g, Transaction tx) throws IOException {
    writeIfPresent(g, "currency", tx.currency());
    writeIfPresent(g, "merchant", tx.merchant());
    writeIfPresent(g, "merchant_category", tx.merchantCategory());
    writeIfPresent(g, "country", tx.country());
    writeIfPresent(g, "city", tx.city());
    writeIfPresent(g, "channel", tx.channel() == null ? null : tx.channel().wireName());
  }

  private static void writeIfPresent(JsonGenerator g, String field, String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void writeReasons(JsonGenerator g, List<Reason> reasons) throws IOException {
    g.writeArrayFieldStart("reasons");
    for (int i = 0; i < reasons.size(); i++) { // no iterator: reasons is a random-access list
      Reason r = reasons.get(i);
      g.writeStartObject();
      g.writeStringField("code", r.code());
      g.writeStringField("detail", r.detail());
      g.writeNumberField("contribution", round(r.contribution()));
      g.writeEndObject();
    }
    g.writeEndArray();
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
  private static void writeCompact(JsonGenerator g, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(round(v));
    }
  }

  /** Six decimals are plenty for scores and features and keep the records short. */
  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : 0.0;
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
