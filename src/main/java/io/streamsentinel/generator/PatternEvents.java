package io.streamsentinel.generator;

import static io.streamsentinel.generator.MerchantCategory.ELECTRONICS;
import static io.streamsentinel.generator.MerchantCategory.FASHION;
import static io.streamsentinel.generator.MerchantCategory.GIFT_CARDS;
import static io.streamsentinel.generator.MerchantCategory.JEWELRY;
import static io.streamsentinel.generator.MerchantCategory.RESTAURANTS;
import static io.streamsentinel.generator.MerchantCategory.TRAVEL;
import static io.streamsentinel.generator.SimulatedTimeline.minutes;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How each fraud pattern looks. Every signal planted here is one a detector can compute from the
 * stream alone (amount against the user's history, counts per window, small-amount bursts, new
 * merchant / device / country, travel speed, local hour); nothing relies on generator internals.
 */
final class PatternEvents {

  private static final long CARD_TEST_MIN_CENTS = 50;
  private static final long CARD_TEST_MAX_CENTS_EXCLUSIVE = 500;
  private static final double TAKEOVER_MIN_AMOUNT = 400;
  private static final int NIGHT_START_SECOND = 3_600; // 01:00 local
  private static final int NIGHT_END_SECOND = 5 * 3_600; // 05:00 local
  private static final int SECONDS_PER_DAY = 86_400;

  private final SplittableRandom rng;
  private final SimulatedTimeline timeline;
  private final NormalSpending spending;
  private final TravelDestinations destinations;
  private final Consumer<PlannedEvent> schedule;
  private final int[] onlineMerchants =
      MerchantCatalog.indicesWhere(m -> m.typicalChannel() == Channel.ONLINE);
  private final int[] webShops = MerchantCatalog.indicesWhere(m -> m.category().sellsOnline());
  private final int[] resellable = inCategories(EnumSet.of(ELECTRONICS, JEWELRY, GIFT_CARDS));
  private final int[] highValue =
      inCategories(EnumSet.of(ELECTRONICS, JEWELRY, TRAVEL, GIFT_CARDS));
  private final int[] shops =
      MerchantCatalog.indicesWhere(
          m ->
              m.typicalChannel() == Channel.CARD_PRESENT
                  && EnumSet.of(RESTAURANTS, FASHION, ELECTRONICS, JEWELRY).contains(m.category()));
  private final MerchantPicker merchants;
  private long order;

  PatternEvents(SplittableRandom rng, SimulatedTimeline timeline, Consumer<PlannedEvent> schedule) {
    this.rng = rng;
    this.timeline = timeline;
    // Its own NormalSpending on the fraud stream: planning fraud never shifts the normal stream.
    this.spending = new NormalSpending(rng);
    this.destinations = new TravelDestinations(rng);
    this.merchants = new MerchantPicker(rng);
    this.schedule = schedule;
  }

  /** 5-12 payments of 0.50-4.99 at online merchants new to the user, within 2-10 minutes. */
  void cardTesting(UserState user, long now) {
    int count = rng.nextInt(5, 13);
    long start = now + minutes(rng.nextDouble(0, 5));
    long span = minutes(rng.nextDouble(2, 10));
    String device =
        UserFactory.deviceIdNotIn(
            user.user.deviceIds(), rng); // the tester's script, not the card holder's phone
    for (int i = 0; i < count; i++) {
      BigDecimal amount =
          Amounts.ofCents(rng.nextLong(CARD_TEST_MIN_CENTS, CARD_TEST_MAX_CENTS_EXCLUSIVE));
      int merchant = merchants.newTo(user, onlineMerchants);
      long at = spread(start, span, i, count);
      addAtHome(user, at, merchant, amount, device, FraudPattern.CARD_TESTING);
    }
  }

  /** 3-6 online purchases of resellable goods from a new device, 5-15x typical, within 30 min. */
  void accountTakeover(UserState user, long now) {
    int count = rng.nextInt(3, 7);
    long start = now + minutes(rng.nextDouble(0, 5));
    long span = minutes(rng.nextDouble(5, 25));
    String device = UserFactory.deviceIdNotIn(user.user.deviceIds(), rng);
    for (int i = 0; i < count; i++) {
      double amount = Math.max(TAKEOVER_MIN_AMOUNT, user.typical * rng.nextDouble(5, 15));
      int merchant = merchants.newTo(user, resellable);
      long at = spread(start, span, i, count);
      addAtHome(
          user, at, merchant, Amounts.roundedUp(amount), device, FraudPattern.ACCOUNT_TAKEOVER);
    }
  }

  /** 8-20 online payments of 1-3x typical within 3-8 minutes, at known and new merchants. */
  void velocityBurst(UserState user, long now) {
    int count = rng.nextInt(8, 21);
    long start = now + minutes(rng.nextDouble(0, 5));
    long span = minutes(rng.nextDouble(3, 8));
    for (int i = 0; i < count; i++) {
      int merchant =
          rng.nextBoolean()
              ? merchants.favouriteOf(user, webShops)
              : merchants.newTo(user, webShops);
      BigDecimal amount = Amounts.rounded(user.typical * rng.nextDouble(1, 3));
      long at = spread(start, span, i, count);
      addAtHome(user, at, merchant, amount, spending.ownDevice(user), FraudPattern.VELOCITY_BURST);
    }
  }

  /**
   * One card-present payment on another continent 5-50 minutes after the user's latest event. When
   * that event is not recent (or there is none), a genuine payment at home is planned first, so the
   * contradiction a detector sees is between two events minutes apart.
   */
  void impossibleTravel(UserState user, long now) {
    if (user.lastAtMicros() < now) {
      schedule.accept(spending.plan(user, now, order++));
    }
    long at = user.lastAtMicros() + minutes(rng.nextDouble(5, 50));
    City city = destinations.pick(user);
    int merchant = merchants.newTo(user, shops);
    user.visit(merchant);
    BigDecimal amount = Amounts.rounded(user.typical * rng.nextDouble(1, 4));
    double latitude = city.latitude() + spending.jitter();
    double longitude = city.longitude() + spending.jitter();
    schedule.accept(
        new PlannedEvent(
            at,
            order++,
            user,
            MerchantCatalog.get(merchant),
            amount,
            Channel.CARD_PRESENT,
            null,
            city,
            latitude,
            longitude,
            FraudPattern.IMPOSSIBLE_TRAVEL));
  }

  /**
   * One online payment of 8-20x typical at the next 01:00-05:00 local, outside any user's active
   * hours. Online because shops are shut at that hour; from the user's own device so that hour and
   * amount are the only signals.
   */
  void highAmountUnusualHour(UserState user, long now) {
    int merchant = highValue[rng.nextInt(highValue.length)];
    BigDecimal amount = Amounts.roundedUp(user.typical * rng.nextDouble(8, 20));
    String device = spending.ownDevice(user);
    long at = nextNightTime(user, now);
    addAtHome(user, at, merchant, amount, device, FraudPattern.HIGH_AMOUNT_UNUSUAL_HOUR);
  }

  /** A random moment of the user's next local night window, at or after {@code now}. */
  private long nextNightTime(UserState user, long now) {
    long epochSecond = timeline.epochSecondAt(now);
    int secondOfDay = user.localSecondOfDay(epochSecond);
    long wait;
    if (secondOfDay < NIGHT_START_SECOND) {
      wait = NIGHT_START_SECOND - secondOfDay;
    } else if (secondOfDay < NIGHT_END_SECOND) {
      wait = 0;
    } else {
      wait = SECONDS_PER_DAY - secondOfDay + NIGHT_START_SECOND;
    }
    int windowStart = (int) ((secondOfDay + wait) % SECONDS_PER_DAY);
    long offset = rng.nextLong(NIGHT_END_SECOND - windowStart);
    return Math.max(now, timeline.microsAt(epochSecond + wait + offset));
  }

  /**
   * An online payment located in the user's home area, as the user's own online payments are: only
   * impossible travel moves a card, so a speed signal never fires on the other patterns by
   * accident. Marks the merchant visited so later patterns see it as known.
   */
  private void addAtHome(
      UserState user, long at, int merchant, BigDecimal amount, String device, FraudPattern p) {
    user.visit(merchant);
    Merchant m = MerchantCatalog.get(merchant);
    SyntheticUser profile = user.user;
    double latitude = profile.homeLatitude() + spending.jitter();
    double longitude = profile.homeLongitude() + spending.jitter();
    schedule.accept(
        new PlannedEvent(
            at,
            order++,
            user,
            m,
            amount,
            Channel.ONLINE,
            device,
            profile.homeCity(),
            latitude,
            longitude,
            p));
  }

  /** Evenly spread over {@code span}, jittered within each slot, so times never go backwards. */
  private long spread(long start, long span, int index, int count) {
    return start + (long) (span * ((index + rng.nextDouble()) / count));
  }

  private static int[] inCategories(EnumSet<MerchantCategory> categories) {
    return MerchantCatalog.indicesWhere(m -> categories.contains(m.category()));
  }
}
