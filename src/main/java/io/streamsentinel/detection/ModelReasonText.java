package io.streamsentinel.detection;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The code and sentence of a model reason, per input: what the input's value says, next to the
 * user's normal where the detector keeps one ("spent 2300 today, 9× the user's usual day"). Yes/no
 * inputs read by their value, since a 0 can push a score up as well as a 1.
 */
final class ModelReasonText {

  private static final Map<Feature, String> SENTENCES = new EnumMap<>(Feature.class);
  private static final Map<Feature, String[]> YES_NO = new EnumMap<>(Feature.class);

  static {
    String amount = "amount {amount}, {amount_to_mean_ratio}× the user's mean";
    SENTENCES.put(Feature.AMOUNT, amount);
    SENTENCES.put(
        Feature.AMOUNT_ZSCORE,
        "amount {amount}, {amount_zscore} standard deviations above the mean");
    SENTENCES.put(Feature.AMOUNT_TO_MEAN_RATIO, amount);
    SENTENCES.put(
        Feature.AMOUNT_TO_MAX_RATIO, "amount {amount}, {amount_to_max_ratio}× the user's largest");
    SENTENCES.put(Feature.TX_COUNT_1M, "{tx_count_1m} transactions in 60 s");
    SENTENCES.put(Feature.TX_COUNT_10M, "{tx_count_10m} transactions in 10 min");
    SENTENCES.put(Feature.TX_COUNT_1H, "{tx_count_1h} transactions in the last hour");
    SENTENCES.put(Feature.TX_COUNT_24H, "{tx_count_24h} transactions in 24 h");
    SENTENCES.put(Feature.TX_SUM_1M, "spent {tx_sum_1m} in 60 s");
    SENTENCES.put(Feature.TX_SUM_10M, "spent {tx_sum_10m} in 10 min");
    SENTENCES.put(Feature.TX_SUM_1H, "spent {tx_sum_1h} in the last hour");
    SENTENCES.put(
        Feature.TX_SUM_24H,
        "spent {tx_sum_24h} in 24 h, {daily_spend_ratio}× the user's usual day");
    SENTENCES.put(
        Feature.SMALL_AMOUNT_COUNT_10M, "{small_amount_count_10m} transactions under 5 in 10 min");
    SENTENCES.put(
        Feature.NEW_MERCHANT_COUNT_1H, "{new_merchant_count_1h} merchants new to the user in 1 h");
    SENTENCES.put(
        Feature.NEW_DEVICE_COUNT_1H, "{new_device_count_1h} devices new to the user in 1 h");
    SENTENCES.put(
        Feature.SECONDS_SINCE_LAST, "{seconds_since_last} s after the user's previous transaction");
    SENTENCES.put(Feature.DISTANCE_KM, "{distance_km} km from the user's last location");
    SENTENCES.put(
        Feature.TRAVEL_SPEED_KMH, "{travel_speed_kmh} km/h needed from the user's last location");
    SENTENCES.put(
        Feature.HOUR_PROBABILITY, "an hour of day with likelihood {hour_probability} for the user");
    String daily = "spent {daily_spend} today, {daily_spend_ratio}× the user's usual day";
    SENTENCES.put(Feature.DAILY_SPEND, daily);
    SENTENCES.put(Feature.DAILY_SPEND_RATIO, daily);
    SENTENCES.put(Feature.HISTORY_COUNT, "{history_count} earlier transactions of the user");
    YES_NO.put(
        Feature.NEW_MERCHANT,
        new String[] {"a merchant the user has used before", "a merchant new to the user"});
    YES_NO.put(
        Feature.NEW_CATEGORY,
        new String[] {
          "a category the user has used before", "a merchant category new to the user"
        });
    YES_NO.put(
        Feature.NEW_COUNTRY,
        new String[] {"a country the user has been in before", "a country new to the user"});
    YES_NO.put(
        Feature.NEW_DEVICE,
        new String[] {"a device the user has used before", "a device new to the user"});
    YES_NO.put(Feature.CARD_NOT_PRESENT, new String[] {"card present", "card not present"});
    YES_NO.put(
        Feature.ACCOUNT_BLOCKED, new String[] {"the account is active", "the account is blocked"});
    YES_NO.put(
        Feature.STEP_UP_REQUIRED,
        new String[] {"no step-up required", "the account requires step-up authentication"});
  }

  /** The hour-of-day sentences, made once: String.format takes about 0.4 µs a call. */
  private static final String[] HOURS = new String[24];

  static {
    for (int hour = 0; hour < HOURS.length; hour++) {
      HOURS[hour] = hourSentence(hour);
    }
  }

  private final String[] codes;
  private final DetailTemplate[] templates;
  private final DetailTemplate[][] yesNo;
  private final Feature[] features;

  ModelReasonText(ModelInputs inputs) {
    int n = inputs.size();
    codes = new String[n];
    templates = new DetailTemplate[n];
    yesNo = new DetailTemplate[n][];
    features = new Feature[n];
    for (int i = 0; i < n; i++) {
      Feature f = inputs.feature(i);
      features[i] = f;
      codes[i] = inputs.names().get(i).toUpperCase(Locale.ROOT);
      if (f == null) {
        continue;
      }
      String[] pair = YES_NO.get(f);
      if (pair != null) {
        yesNo[i] =
            new DetailTemplate[] {DetailTemplate.parse(pair[0]), DetailTemplate.parse(pair[1])};
      } else {
        templates[i] = DetailTemplate.parse(SENTENCES.getOrDefault(f, "{" + f.wireName() + "}"));
      }
    }
  }

  /** The reason code of input {@code index}: its name in upper case, e.g. {@code DAILY_SPEND}. */
  String code(int index) {
    return codes[index];
  }

  /** The sentence of input {@code index} for this row. */
  String detail(int index, double[] row, FeatureVector vector) {
    if (features[index] == null) {
      int hour = (int) row[index];
      return hour >= 0 && hour < HOURS.length ? HOURS[hour] : hourSentence(hour);
    }
    if (yesNo[index] != null) {
      return yesNo[index][row[index] >= 0.5 ? 1 : 0].render(vector);
    }
    return templates[index].render(vector);
  }

  private static String hourSentence(int hour) {
    return String.format(Locale.ROOT, "at %02d:00 UTC", hour);
  }
}
