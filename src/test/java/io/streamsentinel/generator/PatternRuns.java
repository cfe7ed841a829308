package io.streamsentinel.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test vocabulary for a world's fraud patterns: a pattern's labelled events cut into occurrences
 * (runs) per user, as a detector would see them in the stream.
 *
 * @param stream the sample
 * @param lastWholeRunStart runs that start after this may be cut off by the end of the sample, so
 *     their length is open and they are left out of {@link #wholeRuns}
 */
record PatternRuns(SimulatedStream stream, Instant lastWholeRunStart) {

  /** Runs that start within {@code open} of the sample's last event are not whole. */
  static PatternRuns of(SimulatedStream stream, Duration open) {
    List<Transaction> events = stream.events();
    return new PatternRuns(stream, events.get(events.size() - 1).timestamp().minus(open));
  }

  /** The events labelled with {@code pattern}, in stream order; fails unless there are over 50. */
  List<Transaction> labelled(FraudKind pattern) {
    List<Transaction> events =
        stream.events().stream().filter(t -> pattern.wireName().equals(t.fraudPattern())).toList();
    assertThat(events).as("events of %s", pattern.wireName()).hasSizeGreaterThan(50);
    return events;
  }

  /** The events grouped per user and pattern, each group in stream order. */
  static Map<String, List<Transaction>> byUserAndPattern(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                t -> t.userId() + "/" + t.fraudPattern(), LinkedHashMap::new, Collectors.toList()));
  }

  /** The events grouped per user, pattern and device, each group in stream order. */
  static Collection<List<Transaction>> byUserPatternAndDevice(List<Transaction> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                t -> t.userId() + "/" + t.fraudPattern() + "/" + t.deviceId(),
                LinkedHashMap::new,
                Collectors.toList()))
        .values();
  }

  /** Asserts that within each group, each event comes at least a minute after the one before. */
  static void assertMinutesApart(Collection<List<Transaction>> groups) {
    for (List<Transaction> run : groups) {
      for (int i = 1; i < run.size(); i++) {
        assertThat(gap(run.get(i - 1), run.get(i)))
            .as("gap within %s", run.get(i).fraudPattern())
            .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
      }
    }
  }

  /**
   * One pattern's occurrences per user, split where two events are more than {@code split} apart,
   * and only those that start early enough to lie wholly within the sample.
   */
  List<List<Transaction>> wholeRuns(List<Transaction> events, Duration split) {
    return wholeRuns(byUserAndPattern(events).values(), split);
  }

  /** As above, for events already grouped (per user or finer), each group in stream order. */
  List<List<Transaction>> wholeRuns(Iterable<List<Transaction>> groups, Duration split) {
    List<List<Transaction>> runs = new ArrayList<>();
    for (List<Transaction> userEvents : groups) {
      List<Transaction> run = new ArrayList<>();
      for (Transaction t : userEvents) {
        if (!run.isEmpty() && gap(run.get(run.size() - 1), t).compareTo(split) > 0) {
          runs.add(run);
          run = new ArrayList<>();
        }
        run.add(t);
      }
      runs.add(run);
    }
    List<List<Transaction>> whole =
        runs.stream().filter(r -> r.get(0).timestamp().isBefore(lastWholeRunStart)).toList();
    assertThat(whole).isNotEmpty();
    return whole;
  }

  /** The first event of each whole run. */
  List<Transaction> firstOfEachRun(List<Transaction> events, Duration split) {
    return wholeRuns(events, split).stream().map(run -> run.get(0)).toList();
  }

  /** Share of the given events at a merchant the user had not used earlier in the stream. */
  double shareAtMerchantsNewToTheUser(List<Transaction> events) {
    Set<Transaction> wanted = new HashSet<>(events);
    Map<String, Set<String>> seen = new HashMap<>();
    List<Boolean> isNew = new ArrayList<>();
    for (Transaction t : stream.events()) {
      Set<String> merchants = seen.computeIfAbsent(t.userId(), id -> new HashSet<>());
      if (wanted.contains(t)) {
        isNew.add(!merchants.contains(t.merchant()));
      }
      merchants.add(t.merchant());
    }
    return isNew.stream().filter(b -> b).count() / (double) isNew.size();
  }

  static Duration gap(Transaction earlier, Transaction later) {
    return Duration.between(earlier.timestamp(), later.timestamp());
  }
}
