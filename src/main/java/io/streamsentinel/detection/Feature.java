package io.streamsentinel.detection;

/**
 * The features of one transaction, each a double at its {@link #ordinal()} in a {@link
 * FeatureVector}. Yes/no features are 0 or 1. Features that compare with a user's history are 0
 * when there is no history to compare with, so a first transaction never looks unusual; a share
 * (where low is unusual) take a neutral prior value instead.
 */
public enum Feature {
  AMOUNT("amount", "the amount in currency units"),
  AMOUNT_ZSCORE("amount_zscore", "standard deviations above the user's mean amount"),
  AMOUNT_TO_MEAN_RATIO("amount_to_mean_ratio", "amount divided by the user's mean amount"),
  AMOUNT_TO_MAX_RATIO("amount_to_max_ratio", "amount divided by the user's largest amount"),
  TX_COUNT_1M("tx_count_1m", "transactions in the last 60 s, this one included"),
  TX_COUNT_10M("tx_count_10m", "transactions in the last 10 min, this one included"),
  TX_COUNT_1H("tx_count_1h", "transactions in the last hour, this one included"),
  TX_COUNT_24H("tx_count_24h", "transactions in the last 24 h, this one included"),
  TX_SUM_1M("tx_sum_1m", "amount spent in the last 60 s, this one included"),
  TX_SUM_10M("tx_sum_10m", "amount spent in the last 10 min, this one included"),
  TX_SUM_1H("tx_sum_1h", "amount spent in the last hour, this one included"),
  TX_SUM_24H("tx_sum_24h", "amount spent in the last 24 h, this one included"),
  SMALL_AMOUNT_COUNT_10M(
      "small_amount_count_10m", "transactions under 5.00 in the last 10 min, this one included"),
  NEW_MERCHANT_COUNT_1H(
      "new_merchant_count_1h", "transactions at merchants new to the user in the last hour"),
  NEW_DEVICE_COUNT_1H(
      "new_device_count_1h", "transactions from devices new to the user in the last hour"),
  NEW_MERCHANT_COUNT_24H(
      "new_merchant_count_24h", "transactions at merchants new to the user in the last 24 h"),
  NEW_DEVICE_COUNT_24H(
      "new_device_count_24h", "transactions from devices new to the user in the last 24 h"),
  SECONDS_SINCE_LAST("seconds_since_last", "seconds since the user's previous transaction"),
  NEW_MERCHANT("new_merchant", "1 if the user has not used this merchant recently"),
  NEW_CATEGORY("new_category", "1 if the user has not used this merchant category recently"),
  NEW_COUNTRY("new_country", "1 if the user has not transacted in this country recently"),
  NEW_DEVICE("new_device", "1 if the user has not used this device recently"),

  CARD_NOT_PRESENT("card_not_present", "1 if the card was not present (online)"),
  DISTANCE_KM("distance_km", "great-circle distance from the user's last location"),
  TRAVEL_SPEED_KMH("travel_speed_kmh", "speed needed to get here from the last location"),
  HOUR_PROBABILITY("hour_probability", "how likely this hour of day is for the user"),
  DAILY_SPEND("daily_spend", "amount spent today (UTC), this one included"),
  DAILY_SPEND_RATIO("daily_spend_ratio", "today's spend divided by the user's typical day"),
  DAILY_COUNT_RATIO(
      "daily_count_ratio",
      "today's transactions, this one included, divided by the user's typical active day"),
  HISTORY_COUNT("history_count", "transactions seen from the user before this one"),
  ACCOUNT_BLOCKED("account_blocked", "1 if the account is blocked"),
  STEP_UP_REQUIRED("step_up_required", "1 if the account requires step-up authentication"),
  AMOUNT_LOG_ZSCORE(
      "amount_log_zscore",
      "spreads of the user's own log amounts above their typical amount (a generic spread while"
          + " history is short)"),
  HOME_DISTANCE_KM(
      "home_distance_km",
      "great-circle distance from the user's home (the centre of their payments)"),
  HOME_DISTANCE_RATIO(
      "home_distance_ratio", "distance from home divided by the user's usual distance from home"),
  CHANNEL_SHARE(
      "channel_share",
      "share of the user's transactions on this channel (1/3 without history, 1 when unknown)"),
  AMOUNT_SURPRISAL(
      "amount_surprisal",
      "surprisal (nats) of the amount under the user's log-amount spread: half the squared"
          + " amount_log_zscore above the typical amount, 0 below it"),
  MERCHANT_SURPRISAL(
      "merchant_surprisal",
      "for a merchant new to the user, -ln of the user's own rate of new merchants; else 0"),
  DEVICE_SURPRISAL(
      "device_surprisal",
      "for a device new to the user, -ln of the user's own rate of new devices; else 0"),
  HOME_DISTANCE_SURPRISAL(
      "home_distance_surprisal",
      "2 ln of home_distance_ratio above 1 (distances falling off as the inverse square beyond the"
          + " usual), 0 within the usual distance"),
  PACE_SURPRISAL(
      "pace_surprisal",
      "surprisal (nats) of the user's other transactions in the last hour under a Poisson count at"
          + " the user's own pace"),
  DAILY_SPEND_SURPRISAL(
      "daily_spend_surprisal", "ln of daily_spend_ratio above 1, 0 on a typical day or below"),
  NEW_MERCHANTS_24H_SURPRISAL(
      "new_merchants_24h_surprisal",
      "surprisal (nats) of new_merchant_count_24h under a Poisson count at the user's own rate of"
          + " new merchants times their transactions in 24 h"),
  NEW_DEVICES_24H_SURPRISAL(
      "new_devices_24h_surprisal",
      "surprisal (nats) of new_device_count_24h under a Poisson count at the user's own rate of"
          + " new devices times their transactions in 24 h");

  /** Number of features: the length of every feature vector. */
  public static final int COUNT = values().length;

  private static final Feature[] ALL = values();

  private final String wireName;
  private final String description;

  Feature(String wireName, String description) {
    this.wireName = wireName;
    this.description = description;
  }

  /** The snake_case name used in rule files, templates and on the wire. */
  public String wireName() {
    return wireName;
  }

  /** What the value means, in one line. */
  public String description() {
    return description;
  }

  /**
   * The feature with the given wire name.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Feature fromWire(String name) {
    for (Feature feature : ALL) {
      if (feature.wireName.equals(name)) {
        return feature;
      }
    }
    throw new IllegalArgumentException("unknown feature '" + name + "'");
  }
}
