package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamsentinel.domain.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How transactions were written before {@link TransactionWriter} wrote their bytes itself: with
 * Jackson's generator and its defaults, field by field, null fields left out. Kept as the reference
 * those bytes must match.
 */
final class JacksonTransactionWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private JacksonTransactionWriter() {}

  static byte[] write(Transaction tx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      string(g, "event_type", tx.eventType());
      string(g, "transaction_id", tx.transactionId());
      string(g, "user_id", tx.userId());
      g.writeFieldName("amount");
      g.writeNumber(tx.amount());
      string(g, "timestamp", InstantText.format(tx.timestamp()));
      string(g, "merchant", tx.merchant());
      string(g, "currency", tx.currency());
      string(g, "merchant_category", tx.merchantCategory());
      string(g, "country", tx.country());
      string(g, "city", tx.city());
      number(g, "latitude", tx.latitude());
      number(g, "longitude", tx.longitude());
      string(g, "channel", tx.channel() == null ? null : tx.channel().wireName());
      string(g, "device_id", tx.deviceId());
      string(g, "card_last4", tx.cardLast4());
      if (tx.isFraud() != null) {
        g.writeFieldName("is_fraud");
        g.writeBoolean(tx.isFraud());
      }
      string(g, "fraud_pattern", tx.fraudPattern());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeString(value);
    }
  }

  private static void number(JsonGenerator g, String name, Double value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeNumber(value);
    }
  }
}
