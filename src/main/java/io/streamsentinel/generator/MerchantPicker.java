package io.streamsentinel.generator;

import java.util.SplittableRandom;

/** Picks merchants for everyday spending and fraud patterns relative to what the user knows. */
final class MerchantPicker {

  private final SplittableRandom rng;

  MerchantPicker(SplittableRandom rng) {
    this.rng = rng;
  }

  /**
   * A candidate the user has never visited. Long runs can exhaust a small catalog; then any
   * non-favourite will do, and failing that any candidate (the pattern's other signals remain).
   */
  int newTo(UserState user, int[] candidates) {
    int start = rng.nextInt(candidates.length);
    int fallback = candidates[start];
    for (int i = 0; i < candidates.length; i++) {
      int candidate = candidates[(start + i) % candidates.length];
      if (!user.hasVisited(candidate)) {
        return candidate;
      }
      if (fallback == candidates[start] && !user.isFavourite(candidate)) {
        fallback = candidate;
      }
    }
    return fallback;
  }

  /** One of the user's favourites among the candidates, or a new merchant when there is none. */
  int favouriteOf(UserState user, int[] candidates) {
    int start = rng.nextInt(user.favourites.length);
    for (int i = 0; i < user.favourites.length; i++) {
      int favourite = user.favourites[(start + i) % user.favourites.length];
      if (contains(candidates, favourite)) {
        return favourite;
      }
    }
    return newTo(user, candidates);
  }

  /**
   * The first favourite with chance {@code loyalty}, else any favourite alike: loyalty to one shop
   * rather than a sliding preference.
   */
  int loyalFavourite(UserState user, double loyalty) {
    if (rng.nextDouble() < loyalty) {
      return user.favourites[0];
    }
    return user.favourites[rng.nextInt(user.favourites.length)];
  }

  /**
   * A candidate that is not one of the user's favourites (it may have been visited), or any
   * candidate when all of them are favourites: an everyday purchase away from the usual shops.
   */
  int notFavouriteOf(UserState user, int[] candidates) {
    int start = rng.nextInt(candidates.length);
    for (int i = 0; i < candidates.length; i++) {
      int candidate = candidates[(start + i) % candidates.length];
      if (!user.isFavourite(candidate)) {
        return candidate;
      }
    }
    return candidates[start];
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
