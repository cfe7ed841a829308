package io.streamsentinel.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks where an impossible-travel payment happens: a city on another continent than the user's
 * home, far from both home and the user's latest location, so that reaching it in under an hour is
 * physically impossible whichever event a detector compares it with.
 */
final class TravelDestinations {

  /** 3,000 km plus room for the jitter around home and city centres. */
  static final double MIN_DISTANCE_KM = 3_100;

  private final List<City> cities = CityCatalog.all();
  private final SplittableRandom rng;

  /** Scratch space for candidates: reused so a pick allocates nothing. */
  private final int[] candidates = new int[cities.size()];

  TravelDestinations(SplittableRandom rng) {
    this.rng = rng;
  }

  /** A far city for this user; if none is far from the latest location too, the farthest. */
  City pick(UserState user) {
    SyntheticUser profile = user.user;
    int count = 0;
    int farthest = -1;
    double farthestKm = -1;
    for (int i = 0; i < cities.size(); i++) {
      City city = cities.get(i);
      if (city.continent() == profile.homeCity().continent()
          || distanceKm(city, profile.homeLatitude(), profile.homeLongitude()) < MIN_DISTANCE_KM) {
        continue;
      }
      double fromLatest = distanceKm(city, user.lastLatitude(), user.lastLongitude());
      if (fromLatest >= MIN_DISTANCE_KM) {
        candidates[count++] = i;
      }
      if (fromLatest > farthestKm) {
        farthestKm = fromLatest;
        farthest = i;
      }
    }
    return cities.get(count > 0 ? candidates[rng.nextInt(count)] : farthest);
  }

  private static double distanceKm(City city, double latitude, double longitude) {
    return Geo.distanceKm(city.latitude(), city.longitude(), latitude, longitude);
  }
}
