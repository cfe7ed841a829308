package io.streamsentinel.generator;

/**
 * What the simulator tracks about one user while it runs. Mutable on purpose: it is private to one
 * single-threaded simulator and updated for every event, where copying a record would cost an
 * allocation per event for no reader's benefit.
 */
final class UserState {

  /** {@link #lastAtMicros()} before the user's first event. */
  static final long NO_EVENT = Long.MIN_VALUE;

  private static final int SECONDS_PER_DAY = 86_400;

  final SyntheticUser user;

  /** Catalog indices of the favourite merchants, most-used first. */
  final int[] favourites;

  /** {@link SyntheticUser#typicalAmount()} as a double, for drawing amounts. */
  final double typical;

  private final int offsetSeconds;
  private final int activeStartSecond;
  private final int activeEndSecond;
  private long visitedMerchants;
  private long lastAtMicros = NO_EVENT;
  private double lastLatitude;
  private double lastLongitude;

  UserState(SyntheticUser user) {
    this.user = user;
    this.favourites =
        user.favouriteMerchants().stream().mapToInt(MerchantCatalog::indexOf).toArray();
    this.typical = user.typicalAmount().doubleValue();
    this.offsetSeconds = user.utcOffset().getTotalSeconds();
    this.activeStartSecond = user.activeStartHour() * 3600;
    this.activeEndSecond = user.activeEndHour() * 3600;
    for (int favourite : favourites) {
      visit(favourite);
    }
  }

  /** Seconds since local midnight at an epoch second, in the user's home time. */
  int localSecondOfDay(long epochSecond) {
    return localSecondOfDay(epochSecond, offsetSeconds);
  }

  static int localSecondOfDay(long epochSecond, int offsetSeconds) {
    return (int) Math.floorMod(epochSecond + offsetSeconds, (long) SECONDS_PER_DAY);
  }

  /** The user's local date at an epoch second, as days since 1970-01-01. */
  long localDay(long epochSecond) {
    return Math.floorDiv(epochSecond + offsetSeconds, (long) SECONDS_PER_DAY);
  }

  int offsetSeconds() {
    return offsetSeconds;
  }

  int activeStartSecond() {
    return activeStartSecond;
  }

  int activeEndSecond() {
    return activeEndSecond;
  }

  boolean isActiveAt(long epochSecond) {
    int second = localSecondOfDay(epochSecond);
    return second >= activeStartSecond && second < activeEndSecond;
  }

  boolean isFavourite(int merchant) {
    for (int favourite : favourites) {
      if (favourite == merchant) {
        return true;
      }
    }
    return false;
  }

  boolean hasVisited(int merchant) {
    return (visitedMerchants & (1L << merchant)) != 0;
  }

  void visit(int merchant) {
    visitedMerchants |= 1L << merchant;
  }

  /** Remembers the latest event, emitted or planned, so a new one can be placed after it. */
  void noteEvent(long atMicros, double latitude, double longitude) {
    if (atMicros >= lastAtMicros) {
      lastAtMicros = atMicros;
      lastLatitude = latitude;
      lastLongitude = longitude;
    }
  }

  /** Clock reading of the latest event emitted or planned, or {@link #NO_EVENT}. */
  long lastAtMicros() {
    return lastAtMicros;
  }

  double lastLatitude() {
    return lastLatitude;
  }

  double lastLongitude() {
    return lastLongitude;
  }
}
