package io.streamsentinel.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known names closest to a mistyped one, for error messages that suggest what was meant. */
final class CloseNames {

  /** At most this many suggestions: more is a list, not a hint. */
  static final int MAX = 3;

  private CloseNames() {}

  /**
   * The known names within a few edits of {@code name} (a quarter of its length, at least 2), or
   * that contain it or are contained in it, ignoring case; closest first, at most {@link #MAX}.
   */
  static List<String> to(String name, Collection<String> known) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, wanted.length() / 4);
    List<Candidate> close = new ArrayList<>();
    for (String k : known) {
      String lower = k.toLowerCase(Locale.ROOT);
      int distance = distance(wanted, lower);
      if (distance <= allowed || lower.contains(wanted) || wanted.contains(lower)) {
        close.add(new Candidate(k, distance));
      }
    }
    close.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
    return close.stream().limit(MAX).map(Candidate::name).toList();
  }

  private record Candidate(String name, int distance) {}

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
