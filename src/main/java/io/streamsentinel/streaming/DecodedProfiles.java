package io.streamsentinel.streaming;

import io.streamsentinel.detection.UserProfile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profiles one stream task wrote last, as objects, with the bytes it wrote. Decoding a profile
 * whose merchant and device sets are full means building and checking dozens of strings for every
 * transaction; a user who pays again soon gets back the profile written after their last payment.
 * The store stays the truth: an entry serves only when the store still holds exactly its bytes, so
 * a restored, rolled back or otherwise rewritten profile is decoded afresh, and nothing depends on
 * when Kafka Streams re-creates or re-initialises the task. Least recently used entries go first.
 * Not thread-safe: one per stream task.
 */
final class DecodedProfiles {

  /**
   * Entries per task. With the default 12 partitions an instance that runs them all holds at most
   * 12 × 512 profiles: a few KiB each when full, so tens of MB at worst.
   */
  static final int CAPACITY = 512;

  private final Map<String, Entry> entries;

  DecodedProfiles(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be > 0 but was " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The profile of {@code userId} if it was encoded to exactly {@code stored}; null otherwise. */
  UserProfile get(String userId, byte[] stored) {
    Entry e = entries.get(userId);
    return e != null && Arrays.equals(e.bytes, stored) ? e.profile : null;
  }

  /**
   * Remembers that {@code profile} was encoded to {@code bytes}; the array must not change after.
   */
  void put(String userId, byte[] bytes, UserProfile profile) {
    entries.put(userId, new Entry(bytes, profile));
  }

  /** Forgets every entry. */
  void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private record Entry(byte[] bytes, UserProfile profile) {}
}
