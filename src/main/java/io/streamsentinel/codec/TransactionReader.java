package io.streamsentinel.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamsentinel.domain.InvalidTransactionException;
import io.streamsentinel.domain.Transaction;
import java.io.IOException;

/**
 * Reads one record from a parser positioned before its first token. Holds the state of that one
 * record, so it is created per record and never shared between threads.
 */
final class TransactionReader {

  /** The fields in the order {@link TransactionWriter} writes them. */
  private static final WireField[] FIELDS = WireField.values();

  private final JsonParser parser;
  private final TransactionLimits limits;
  private final Transaction.Builder builder = Transaction.builder();
  private int seenFields;

  TransactionReader(JsonParser parser, TransactionLimits limits) {
    this.parser = parser;
    this.limits = limits;
  }

  /**
   * @throws InvalidTransactionException naming the first offending field, or the whole record when
   *     it is empty or not an object
   * @throws IOException when the input is not valid JSON (Jackson's {@code StreamReadException})
   */
  Transaction read() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw wholeRecord("empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw wholeRecord("expected a JSON object but was " + WireValues.describe(first));
    }
    // Each name is first matched against the field the encoder writes next (its bytes compared
    // where they lie); a name out of that order, or unknown, is looked up. The parser guarantees
    // the object is well formed, so anything but a name is its end.
    int next = 0;
    while (true) {
      WireField field;
      if (next < FIELDS.length && parser.nextFieldName(FIELDS[next].serializedName)) {
        field = FIELDS[next];
      } else {
        JsonToken token = next < FIELDS.length ? parser.currentToken() : parser.nextToken();
        if (token != JsonToken.FIELD_NAME) {
          break;
        }
        field = WireField.forWireName(parser.currentName());
      }
      readField(field);
      if (field != null) {
        next = field.ordinal() + 1;
      }
    }
    if (parser.nextToken() != null) {
      throw wholeRecord("not valid JSON: more content after the object");
    }
    return builder.build();
  }

  /** Reads the value of {@code field}, the name just read; null for a name that is not one. */
  private void readField(WireField field) throws IOException {
    JsonToken value = parser.nextToken();
    if (field == null) {
      // Unknown fields are for other consumers; skipping keeps producers free to add them.
      parser.skipChildren();
      return;
    }
    if ((seenFields & field.bit()) != 0) {
      throw new InvalidTransactionException(field.wireName, "appears more than once");
    }
    seenFields |= field.bit();
    if (value != JsonToken.VALUE_NULL) {
      assign(field);
    }
  }

  private void assign(WireField field) throws IOException {
    switch (field) {
      case EVENT_TYPE -> builder.eventType(text(field));
      case TRANSACTION_ID -> builder.transactionId(WireValues.id(parser, field));
      case USER_ID -> builder.userId(WireValues.id(parser, field));
      case AMOUNT -> builder.amount(WireValues.amount(parser, limits.maxAmount()));
      case TIMESTAMP -> builder.timestamp(WireValues.timestamp(parser));
      case MERCHANT -> builder.merchant(text(field));
      case CURRENCY -> builder.currency(text(field));
      case MERCHANT_CATEGORY -> builder.merchantCategory(text(field));
      case COUNTRY -> builder.country(text(field));
      case CITY -> builder.city(text(field));
      case LATITUDE -> builder.latitude(WireValues.number(parser, field));
      case LONGITUDE -> builder.longitude(WireValues.number(parser, field));
      case CHANNEL -> builder.channel(WireValues.channel(parser, limits.maxTextChars()));
      case DEVICE_ID -> builder.deviceId(text(field));
      case CARD_LAST4 -> builder.cardLast4(text(field));
      case IS_FRAUD -> builder.isFraud(WireValues.bool(parser, field));
      case FRAUD_PATTERN -> builder.fraudPattern(text(field));
    }
  }

  private String text(WireField field) throws IOException {
    return WireValues.string(parser, field, limits.maxTextChars());
  }

  private static InvalidTransactionException wholeRecord(String problem) {
    return new InvalidTransactionException(InvalidTransactionException.WHOLE_RECORD, problem);
  }
}
