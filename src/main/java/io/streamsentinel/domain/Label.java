package io.streamsentinel.domain;

import java.time.Instant;

/**
 * A verdict on one transaction, from an analyst, a chargeback or an import: the label event of
 * {@code fraud-feedback} (key {@code user_id}). The latest label of a transaction wins.
 *
 * @param transactionId never null or blank, at most {@link Transaction#MAX_ID_LENGTH} characters
 * @param fraud whether the transaction was fraud
 * @param userId the transaction's user; may be null
 * @param source who says so ({@link #ANALYST}, {@link #CHARGEBACK}, {@link #IMPORT}, ...); may be
 *     null
 * @param labelledAt when the verdict was given; may be null (then the record's own time stands in)
 */
public record Label(
    String transactionId, boolean fraud, String userId, String source, Instant labelledAt) {

  public static final String ANALYST = "analyst";
  public static final String CHARGEBACK = "chargeback";
  public static final String IMPORT = "import";

  /** The longest source name accepted. */
  public static final int MAX_SOURCE_LENGTH = 64;

  public Label {
    Ids.requireBounded("transaction_id", transactionId);
    if (userId != null) {
      Ids.requireBounded("user_id", userId);
    }
    if (source != null && (source.isBlank() || source.length() > MAX_SOURCE_LENGTH)) {
      throw new IllegalArgumentException(
          "source: must be 1 to " + MAX_SOURCE_LENGTH + " characters, got '" + source + "'");
    }
  }
}
