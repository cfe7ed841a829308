package io.streamsentinel.generator;

import java.util.List;

/**
 * Which weeks a user spends a long weekend away, for the worlds whose people travel within their
 * own country (mesa, savanna, steppe). A trip starts on the Friday and lasts two to four days.
 * Whether a week has a trip, how long it is and where it goes follow from the user's id, the week
 * and a salt drawn once, so every event of a trip agrees without any state.
 */
final class WeekendTrips {

  /** What {@link #ticket} says when the user is at home that day. */
  static final int AT_HOME = -1;

  /** A trip starts on the Friday (epoch day 1 was one) and lasts two to four days. */
  private static final int TRIP_FIRST_DAY = 1;

  private static final int TRIP_MIN_DAYS = 2;
  private static final int TRIP_DAY_CHOICES = 3;

  private final long salt;

  WeekendTrips(long salt) {
    this.salt = salt;
  }

  /**
   * A number in [0, 65,536) that picks where the user's trip of this week goes, when the user is
   * away on this local day (days since 1970-01-01), or {@link #AT_HOME}.
   *
   * @param share chance that a given week has a trip
   */
  int ticket(SyntheticUser user, double share, long day) {
    long week = Math.floorDiv(day - TRIP_FIRST_DAY, 7);
    int dayOfTrip = Math.floorMod(day - TRIP_FIRST_DAY, 7);
    long hash = mix(salt ^ (user.userId().hashCode() * 0x9E37_79B9_7F4A_7C15L) ^ week);
    double draw = (hash >>> 11) * 0x1.0p-53;
    int length = TRIP_MIN_DAYS + (int) ((hash & 0xFF) % TRIP_DAY_CHOICES);
    if (draw >= share || dayOfTrip >= length) {
      return AT_HOME;
    }
    return (int) (hash >>> 8 & 0xFFFF);
  }

  /** The place a ticket picks among {@code places}, the next one when that is the user's home. */
  static City pick(List<City> places, int ticket, City home) {
    int pick = ticket % places.size();
    City city = places.get(pick);
    return city.equals(home) ? places.get((pick + 1) % places.size()) : city;
  }

  /** The finaliser of MurmurHash3: spreads every input bit over the whole output. */
  static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= h >>> 33;
    h *= 0xC4CE_B9FE_1A85_EC53L;
    h ^= h >>> 33;
    return h;
  }
}
