package io.streamsentinel.detection;

import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An operator's snooze: one rule silenced for one user, or for one card of that user, until a time.
 * While it holds, the rule does not fire on the transactions it covers: it adds nothing to the
 * score and gives no reason (see {@link Snoozes}). It covers a transaction of {@link #userId} whose
 * event time is before {@link #until} and, when {@link #cardLast4} is set, that was paid with that
 * card (a card is known by its user and last four digits, which transactions carry).
 *
 * @param rule the id of the rule silenced; not blank, at most {@value #MAX_NAME_LENGTH} chars,
 *     without {@code |} (it separates the parts of the {@link #key})
 * @param userId the user; the same bounds as {@code rule}
 * @param cardLast4 four digits, or null for every card of the user
 * @param until the first event time it no longer covers; never null
 * @param reason why, for the audit trail; not blank, at most {@value #MAX_TEXT_LENGTH} chars
 * @param operator who set it; not blank, at most {@value #MAX_NAME_LENGTH} chars
 * @param createdAt when it was set; never null
 */
public record Snooze(
    String rule,
    String userId,
    String cardLast4,
    Instant until,
    String reason,
    String operator,
    Instant createdAt) {

  /** How far ahead a new snooze may end: an operator's exception, not a second rule set. */
  public static final Duration MAX_AHEAD = Duration.ofDays(90);

  /** Longest rule id, user id or operator name; as long as a transaction's ids may be. */
  public static final int MAX_NAME_LENGTH = Transaction.MAX_ID_LENGTH;

  /** Longest reason. */
  public static final int MAX_TEXT_LENGTH = 500;

  private static final char KEY_SEPARATOR = '|';

  /** Oldest first, by when they were set, then by key: the order snoozes are listed in. */
  public static final Comparator<Snooze> OLDEST_FIRST =
      Comparator.comparing(Snooze::createdAt).thenComparing(Snooze::key);

  /** 13 to 19 digits, as card numbers (PANs) have, perhaps grouped by spaces or dashes. */
  private static final Pattern CARD_NUMBER = Pattern.compile("\\d(?:[ -]?\\d){12,}");

  public Snooze {
    requireName("rule", rule);
    requireName("user", userId);
    requireCardLast4(cardLast4);
    Objects.requireNonNull(until, "until");
    requireText("reason", reason, MAX_TEXT_LENGTH);
    requireText("operator", operator, MAX_NAME_LENGTH);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A new snooze set at {@code now}.
   *
   * @throws IllegalArgumentException naming the input when one is invalid, {@code until} is not
   *     after {@code now} or more than {@link #MAX_AHEAD} after it
   */
  public static Snooze request(
      String rule,
      String userId,
      String cardLast4,
      Instant until,
      String reason,
      String operator,
      Instant now) {
    Objects.requireNonNull(until, "until");
    if (!until.isAfter(now)) {
      throw new IllegalArgumentException(
          "until " + until + " is not in the future (now " + now + ")");
    }
    if (until.isAfter(now.plus(MAX_AHEAD))) {
      throw new IllegalArgumentException(
          "until "
              + until
              + " is more than "
              + MAX_AHEAD.toDays()
              + " days ahead (at most "
              + now.plus(MAX_AHEAD)
              + ")");
    }
    return new Snooze(rule, userId, cardLast4, until, reason, operator, now);
  }

  /**
   * The key of its record, {@code RULE|user:USER} or {@code RULE|user:USER|card:LAST4}: one snooze
   * per rule and user or card; a later one with the same key replaces it.
   */
  public String key() {
    return key(rule, userId, cardLast4);
  }

  /** The key of the snooze of {@code rule} for this user and card (null: every card). */
  public static String key(String rule, String userId, String cardLast4) {
    return rule
        + KEY_SEPARATOR
        + "user:"
        + userId
        + (cardLast4 == null ? "" : "|card:" + cardLast4);
  }

  /**
   * Whether it covers {@code tx}: its user, its card if one is named, an event time before until.
   */
  public boolean covers(Transaction tx) {
    return userId.equals(tx.userId())
        && (cardLast4 == null || cardLast4.equals(tx.cardLast4()))
        && tx.timestamp().isBefore(until);
  }

  /** How messages name a snooze's card: {@code ", card ending 1234"}, or nothing for the user's. */
  public static String cardPhrase(String cardLast4) {
    return cardLast4 == null ? "" : ", card ending " + cardLast4;
  }

  /** Whether it still covers transactions at {@code time}. */
  public boolean isActiveAt(Instant time) {
    return time.isBefore(until);
  }

  /**
   * Refuses a card that is not four digits, without echoing it: it may be a whole card number typed
   * by mistake.
   *
   * @param cardLast4 null passes: every card of the user
   * @throws IllegalArgumentException when it is not four digits
   */
  public static void requireCardLast4(String cardLast4) {
    if (cardLast4 != null && !isFourDigits(cardLast4)) {
      throw new IllegalArgumentException(
          "card must be the last 4 digits of the card (value withheld, "
              + cardLast4.length()
              + " chars)");
    }
  }

  private static void requireName(String what, String value) {
    requireText(what, value, MAX_NAME_LENGTH);
    if (value.indexOf(KEY_SEPARATOR) >= 0) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' cannot be snoozed: it contains '|', which separates the parts of a snooze's key");
    }
  }

  private static void requireText(String what, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " is " + value.length() + " chars long; at most " + maxLength);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " contains a control character at position " + i);
      }
    }
    if (CARD_NUMBER.matcher(value).find()) {
      // The text goes to the topic for good, to every detector's log and to `rules snoozes`.
      throw new IllegalArgumentException(
          what
              + " looks like it holds a card number (13 or more digits; value withheld): name a"
              + " card by its last 4 digits only");
    }
  }

  private static boolean isFourDigits(String s) {
    if (s.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
