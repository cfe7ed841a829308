package io.streamsentinel.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamsentinel.domain.Label;
import java.time.Instant;

/**
 * The label event of {@code fraud-feedback}: {@code {"transaction_id":..,"is_fraud":true,
 * "user_id":..,"source":"chargeback","labelled_at":..}}. {@code transaction_id} and {@code
 * is_fraud} (a JSON boolean) are required; other fields are ignored, so a case resolution, which
 * carries more, is a label event too. Null fields are left out when writing.
 */
public final class LabelCodec {

  private static final String EVENT = "a label event";

  private LabelCodec() {}

  public static byte[] encode(Label label) {
    return EventJson.write(Wire.of(label));
  }

  /**
   * @throws IllegalArgumentException naming the field when the bytes are not a label event
   */
  public static Label decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException(EVENT + " has no value");
    }
    return EventJson.read(bytes, Wire.class, EVENT).toLabel();
  }

  /** A label event as written; the component order is the field order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Wire(
      String transactionId,
      @JsonProperty("is_fraud") Boolean isFraud,
      String userId,
      String source,
      Instant labelledAt) {

    static Wire of(Label l) {
      return new Wire(l.transactionId(), l.fraud(), l.userId(), l.source(), l.labelledAt());
    }

    Label toLabel() {
      if (transactionId == null) {
        throw new IllegalArgumentException("transaction_id: required in " + EVENT);
      }
      if (isFraud == null) {
        throw new IllegalArgumentException("is_fraud: required in " + EVENT);
      }
      return new Label(transactionId, isFraud, userId, source, labelledAt);
    }
  }
}
