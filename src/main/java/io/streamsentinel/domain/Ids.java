package io.streamsentinel.domain;

import java.util.Objects;

/**
 * The bounds every id of an event keeps: present, not blank, at most {@link
 * Transaction#MAX_ID_LENGTH}.
 */
final class Ids {

  private Ids() {}

  /**
   * @throws NullPointerException naming the field when the id is missing
   * @throws IllegalArgumentException naming the field when it is blank or too long
   */
  static void requireBounded(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    if (value.length() > Transaction.MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field
              + ": longer than "
              + Transaction.MAX_ID_LENGTH
              + " characters ("
              + value.length()
              + ")");
    }
  }
}
