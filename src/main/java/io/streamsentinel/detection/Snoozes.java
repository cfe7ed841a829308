package io.streamsentinel.detection;

import io.streamsentinel.domain.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The operators' snoozes in force, as one immutable snapshot: the detector swaps in a new one when
 * a snooze is set or lifted, and reads it once per transaction. Built for the common case of none
 * (or none for this user): {@link #silencedFor} then costs a field check, or a time comparison and
 * one map lookup, and allocates nothing. Thread-safe.
 */
public final class Snoozes {

  /** No snooze. */
  public static final Snoozes NONE = new Snoozes(List.of());

  private final List<Snooze> all;
  private final Map<String, Snooze[]> byUser;

  /** No transaction at or after this event time is covered by any snooze; null when empty. */
  private final Instant latestUntil;

  private Snoozes(List<Snooze> all) {
    this.all = List.copyOf(all);
    Map<String, List<Snooze>> grouped = new HashMap<>();
    Instant latest = null;
    for (Snooze s : this.all) {
      grouped.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
      latest = latest == null || s.until().isAfter(latest) ? s.until() : latest;
    }
    this.byUser = new HashMap<>();
    grouped.forEach((user, list) -> byUser.put(user, list.toArray(new Snooze[0])));
    this.latestUntil = latest;
  }

  /** A snapshot of these snoozes, oldest first; expired ones may be among them. */
  public static Snoozes of(Collection<Snooze> snoozes) {
    if (snoozes.isEmpty()) {
      return NONE;
    }
    List<Snooze> sorted = new ArrayList<>(snoozes);
    sorted.sort(Snooze.OLDEST_FIRST);
    return new Snoozes(sorted);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** Every snooze held, expired or not, oldest first. */
  public List<Snooze> all() {
    return all;
  }

  /** How many still cover transactions at {@code time}. */
  public int activeAt(Instant time) {
    int active = 0;
    for (Snooze s : all) {
      active += s.isActiveAt(time) ? 1 : 0;
    }
    return active;
  }

  /**
   * The rules snoozed for {@code tx} (its user, its card, an event time before until), by name,
   * sorted and each once; an empty list when none, the common case.
   */
  public List<String> silencedFor(Transaction tx) {
    if (latestUntil == null || !tx.timestamp().isBefore(latestUntil)) {
      return List.of();
    }
    Snooze[] ofUser = byUser.get(tx.userId());
    if (ofUser == null) {
      return List.of();
    }
    TreeSet<String> rules = null;
    for (Snooze s : ofUser) {
      if (s.covers(tx)) {
        if (rules == null) {
          rules = new TreeSet<>();
        }
        rules.add(s.rule());
      }
    }
    return rules == null ? List.of() : List.copyOf(rules);
  }
}
