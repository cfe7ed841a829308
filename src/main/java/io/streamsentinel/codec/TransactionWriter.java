package io.streamsentinel.codec;

import static io.streamsentinel.codec.WireField.*;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamsentinel.domain.Transaction;
import java.io.IOException;

/** Writes a transaction as one JSON object, leaving out null fields; the field order is fixed. */
final class TransactionWriter {

  private TransactionWriter() {}

  static void write(JsonGenerator generator, Transaction tx) throws IOException {
    generator.writeStartObject();
    string(generator, EVENT_TYPE, tx.eventType());
    string(generator, TRANSACTION_ID, tx.transactionId());
    string(generator, USER_ID, tx.userId());
    generator.writeFieldName(AMOUNT.serializedName);
    // BigDecimal.toString keeps the scale (250.00 stays 250.00) and never goes through a double.
    generator.writeNumber(tx.amount());
    string(generator, TIMESTAMP, InstantText.format(tx.timestamp()));
    string(generator, MERCHANT, tx.merchant());
    string(generator, CURRENCY, tx.currency());
    string(generator, MERCHANT_CATEGORY, tx.merchantCategory());
    string(generator, COUNTRY, tx.country());
    string(generator, CITY, tx.city());
    number(generator, LATITUDE, tx.latitude());
    number(generator, LONGITUDE, tx.longitude());
    string(generator, CHANNEL, tx.channel() == null ? null : tx.channel().wireName());
    string(generator, DEVICE_ID, tx.deviceId());
    string(generator, CARD_LAST4, tx.cardLast4());
    if (tx.isFraud() != null) {
      generator.writeFieldName(IS_FRAUD.serializedName);
      generator.writeBoolean(tx.isFraud());
    }
    string(generator, FRAUD_PATTERN, tx.fraudPattern());
    generator.writeEndObject();
  }

  private static void string(JsonGenerator generator, WireField field, String value)
      throws IOException {
    if (value != null) {
      generator.writeFieldName(field.serializedName);
      generator.writeString(value);
    }
  }

  private static void number(JsonGenerator generator, WireField field, Double value)
      throws IOException {
    if (value != null) {
      generator.writeFieldName(field.serializedName);
      generator.writeNumber(value);
    }
  }
}
