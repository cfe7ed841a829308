package io.streamsentinel.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One card transaction as it arrives on {@code synthetic-transactions}, keyed by {@link #userId()}.
 *
 * <p>Required, never null: {@code transactionId}, {@code userId}, {@code amount} (&gt; 0, a
 * decimal, never binary floating point), {@code timestamp} (event time) and {@code eventType}.
 * Every other field may be null when the producer did not send it. {@code isFraud} and {@code
 * fraudPattern} are ground-truth labels for evaluation only and must never be used for scoring. The
 * configurable upper bound on the amount is checked by the codec, which knows the limits; this
 * record checks only what is true of every transaction.
 */
public record Transaction(
    String eventType,
    String transactionId,
    String userId,
    BigDecimal amount,
    Instant timestamp,
    String merchant,
    String currency,
    String merchantCategory,
    String country,
    String city,
    Double latitude,
    Double longitude,
    Channel channel,
    String deviceId,
    String cardLast4,
    Boolean isFraud,
    String fraudPattern) {

  /** The event type of a new transaction, used when the producer leaves it out. */
  public static final String TRANSACTION_CREATED = "transaction_created";

  /**
   * Longest accepted identifier; longer ones are almost certainly garbage or an attack on the
   * stores.
   */
  public static final int MAX_ID_LENGTH = 128;

  public Transaction {
    if (eventType == null || eventType.isBlank()) {
      eventType = TRANSACTION_CREATED;
    }
    requireId("transaction_id", transactionId);
    requireId("user_id", userId);
    if (amount == null) {
      throw new InvalidTransactionException("amount", "missing");
    }
    if (amount.signum() <= 0) {
      // toString, not toPlainString: the plain form of -1e-999999999 would be a gigabyte.
      throw new InvalidTransactionException("amount", "must be greater than 0 but was " + amount);
    }
    if (timestamp == null) {
      throw new InvalidTransactionException("timestamp", "missing");
    }
    if (latitude != null && !(latitude >= -90.0 && latitude <= 90.0)) {
      throw new InvalidTransactionException(
          "latitude", "must be within [-90, 90] but was " + latitude);
    }
    if (longitude != null && !(longitude >= -180.0 && longitude <= 180.0)) {
      throw new InvalidTransactionException(
          "longitude", "must be within [-180, 180] but was " + longitude);
    }
    if (cardLast4 != null && !isFourDigits(cardLast4)) {
      // Never echo the value: it may be a full card number sent by mistake.
      throw new InvalidTransactionException(
          "card_last4",
          "must be exactly 4 digits (value withheld, " + cardLast4.length() + " chars)");
    }
  }

  /**
   * A builder for the many optional fields; required ones are checked on {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with every field of this transaction. */
  public Builder toBuilder() {
    return new Builder()
        .eventType(eventType)
        .transactionId(transactionId)
        .userId(userId)
        .amount(amount)
        .timestamp(timestamp)
        .merchant(merchant)
        .currency(currency)
        .merchantCategory(merchantCategory)
        .country(country)
        .city(city)
        .latitude(latitude)
        .longitude(longitude)
        .channel(channel)
        .deviceId(deviceId)
        .cardLast4(cardLast4)
        .isFraud(isFraud)
        .fraudPattern(fraudPattern);
  }

  private static void requireId(String field, String value) {
    if (value == null) {
      throw new InvalidTransactionException(field, "missing");
    }
    if (value.isBlank()) {
      throw new InvalidTransactionException(field, "must not be blank");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidTransactionException(
          field, "longer than " + MAX_ID_LENGTH + " characters (" + value.length() + ")");
    }
  }

  private static boolean isFourDigits(String value) {
    if (value.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private String eventType;
    private String transactionId;
    private String userId;
    private BigDecimal amount;
    private Instant timestamp;
    private String merchant;
    private String currency;
    private String merchantCategory;
    private String country;
    private String city;
    private Double latitude;
    private Double longitude;
    private Channel channel;
    private String deviceId;
    private String cardLast4;
    private Boolean isFraud;
    private String fraudPattern;

    private Builder() {}

    public Builder eventType(String value) {
      eventType = value;
      return this;
    }

    public Builder transactionId(String value) {
      transactionId = value;
      return this;
    }

    public Builder userId(String value) {
      userId = value;
      return this;
    }

    public Builder amount(BigDecimal value) {
      amount = value;
      return this;
    }

    public Builder timestamp(Instant value) {
      timestamp = value;
      return this;
    }

    public Builder merchant(String value) {
      merchant = value;
      return this;
    }

    public Builder currency(String value) {
      currency = value;
      return this;
    }

    public Builder merchantCategory(String value) {
      merchantCategory = value;
      return this;
    }

    public Builder country(String value) {
      country = value;
      return this;
    }

    public Builder city(String value) {
      city = value;
      return this;
    }

    public Builder latitude(Double value) {
      latitude = value;
      return this;
    }

    public Builder longitude(Double value) {
      longitude = value;
      return this;
    }

    public Builder channel(Channel value) {
      channel = value;
      return this;
    }

    public Builder deviceId(String value) {
      deviceId = value;
      return this;
    }

    public Builder cardLast4(String value) {
      cardLast4 = value;
      return this;
    }

    public Builder isFraud(Boolean value) {
      isFraud = value;
      return this;
    }

    public Builder fraudPattern(String value) {
      fraudPattern = value;
      return this;
    }

    /**
     * @throws InvalidTransactionException naming the first invalid field
     */
    public Transaction build() {
      return new Transaction(
          eventType,
          transactionId,
          userId,
          amount,
          timestamp,
          merchant,
          currency,
          merchantCategory,
          country,
          city,
          latitude,
          longitude,
          channel,
          deviceId,
          cardLast4,
          isFraud,
          fraudPattern);
    }
  }
}
