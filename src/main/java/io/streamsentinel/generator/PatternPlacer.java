package io.streamsentinel.generator;

import io.streamsentinel.domain.Channel;
import java.math.BigDecimal;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hands a fraud pattern's events to its planner's queue, for the worlds whose patterns are written
 * event by event (fjord, mesa, savanna, steppe): marks each merchant visited, numbers the events in
 * the order they were planned (the tie-breaker among equal times) and draws places around a
 * victim's home. Draws from the planner's own random stream, so a world's stream for a seed depends
 * only on the order of its own calls.
 */
final class PatternPlacer {

  /**
   * A place.
   *
   * @param latitude degrees
   * @param longitude degrees
   */
  record Spot(double latitude, double longitude) {}

  private final SplittableRandom rng;
  private final Consumer<PlannedEvent> schedule;
  private final double localJitterDegrees;
  private long order;

  /**
   * @param schedule the planner's queue
   * @param localJitterDegrees how far from home an event {@link #placeAtHome at home} lies, in
   *     degrees either way
   */
  PatternPlacer(SplittableRandom rng, Consumer<PlannedEvent> schedule, double localJitterDegrees) {
    this.rng = rng;
    this.schedule = schedule;
    this.localJitterDegrees = localJitterDegrees;
  }

  /** Plans one labelled event of {@code user} and marks its merchant visited. */
  void place(
      UserState user,
      long at,
      int merchant,
      BigDecimal amount,
      Channel channel,
      String device,
      City city,
      double latitude,
      double longitude,
      FraudKind kind) {
    user.visit(merchant);
    schedule.accept(
        new PlannedEvent(
            at,
            order++,
            user,
            MerchantCatalog.get(merchant),
            amount,
            channel,
            device,
            city,
            latitude,
            longitude,
            kind));
  }

  /** As {@link #place}, in the user's home city, near home. */
  void placeAtHome(
      UserState user,
      long at,
      int merchant,
      BigDecimal amount,
      Channel channel,
      String device,
      FraudKind kind) {
    SyntheticUser profile = user.user;
    place(
        user,
        at,
        merchant,
        amount,
        channel,
        device,
        profile.homeCity(),
        profile.homeLatitude() + jitter(localJitterDegrees),
        profile.homeLongitude() + jitter(localJitterDegrees),
        kind);
  }

  /**
   * A spot between {@code minDegrees} and {@code maxDegrees} from the user's home in a random
   * direction: another part of the user's own town.
   */
  Spot awayFromHome(UserState user, double minDegrees, double maxDegrees) {
    double distance = rng.nextDouble(minDegrees, maxDegrees);
    double bearing = rng.nextDouble(2 * Math.PI);
    return new Spot(
        user.user.homeLatitude() + distance * Math.sin(bearing),
        user.user.homeLongitude() + distance * Math.cos(bearing));
  }

  /** Uniform within plus or minus {@code degrees}. */
  double jitter(double degrees) {
    return rng.nextDouble(-degrees, degrees);
  }

  /** One of the user's own devices, all alike. */
  String anyOwnDevice(UserState user) {
    return user.user.deviceIds().get(rng.nextInt(user.user.deviceIds().size()));
  }

  /** Catalog indices of the merchants with exactly these names; fails if one is missing. */
  static int[] named(Set<String> names) {
    int[] found = MerchantCatalog.indicesWhere(m -> names.contains(m.name()));
    if (found.length != names.size()) {
      throw new IllegalStateException("merchant catalog lacks one of " + names);
    }
    return found;
  }

  /** Catalog indices of the merchants of these categories that usually take this channel. */
  static int[] shops(Channel channel, Set<MerchantCategory> categories) {
    return MerchantCatalog.indicesWhere(
        m -> m.typicalChannel() == channel && categories.contains(m.category()));
  }
}
