package io.streamsentinel.generator;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One simulated card holder: where they live, how much and when they usually spend. Nothing is
 * null; the lists are immutable and non-empty.
 *
 * @param userId {@code user_}, the population's tag and the zero-padded index, e.g. {@code
 *     user_k3x9ab_000123}
 * @param homeCity the city the user lives in; gives country, currency and UTC offset
 * @param homeLatitude where in the home city, in degrees
 * @param homeLongitude where in the home city, in degrees
 * @param typicalAmount median purchase in the home currency, scale 2, &gt; 0
 * @param amountSpread standard deviation of the natural log of everyday amounts
 * @param activeStartHour local hour (0-23) at which the user's day starts
 * @param activeEndHour local hour (exclusive, 1-24) at which it ends; after the start
 * @param favouriteMerchants merchants the user returns to, most-used first
 * @param deviceIds the user's own phones and computers, used for online purchases
 * @param cardLast4 last four digits of the user's card
 * @param onlineShare chance that a purchase at a shop that also sells online is made online
 * @param dailyRate expected transactions per day, averaged over a whole day
 */
public record SyntheticUser(
    String userId,
    City homeCity,
    double homeLatitude,
    double homeLongitude,
    BigDecimal typicalAmount,
    double amountSpread,
    int activeStartHour,
    int activeEndHour,
    List<Merchant> favouriteMerchants,
    List<String> deviceIds,
    String cardLast4,
    double onlineShare,
    double dailyRate) {

  public SyntheticUser {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(homeCity, "homeCity");
    Objects.requireNonNull(typicalAmount, "typicalAmount");
    Objects.requireNonNull(cardLast4, "cardLast4");
    favouriteMerchants = List.copyOf(favouriteMerchants);
    deviceIds = List.copyOf(deviceIds);
    require(favouriteMerchants.size() > 0, "favouriteMerchants must not be empty");
    require(deviceIds.size() > 0, "deviceIds must not be empty");
    require(homeLatitude >= -90 && homeLatitude <= 90, "homeLatitude out of range");
    require(homeLongitude >= -180 && homeLongitude <= 180, "homeLongitude out of range");
    require(typicalAmount.signum() > 0, "typicalAmount must be > 0");
    require(amountSpread >= 0, "amountSpread must be >= 0");
    require(
        activeStartHour >= 0 && activeStartHour < activeEndHour && activeEndHour <= 24,
        "active hours must satisfy 0 <= start < end <= 24");
    require(cardLast4.length() == 4 && cardLast4.chars().allMatch(Character::isDigit), "cardLast4");
    require(onlineShare >= 0 && onlineShare <= 1, "onlineShare must be within [0, 1]");
    require(dailyRate > 0, "dailyRate must be > 0");
  }

  /** ISO country code of the home city. */
  public String country() {
    return homeCity.country();
  }

  /** ISO currency code of the home country; every amount of this user is in it. */
  public String currency() {
    return homeCity.currency();
  }

  /** The home city's standard UTC offset (no daylight saving time). */
  public ZoneOffset utcOffset() {
    return homeCity.utcOffset();
  }

  /** Whether the user is usually awake and spending at this local hour (0-23). */
  public boolean isActiveHour(int localHour) {
    return localHour >= activeStartHour && localHour < activeEndHour;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
