package io.streamsentinel.learning;

import io.streamsentinel.domain.Label;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The latest label of each transaction, by the sink's rule: a strictly later {@code labelled_at}
 * replaces a label; a label without one stands at its record's timestamp. On a tie the first one
 * read stays, so replays change nothing.
 */
final class LatestLabels {

  private record Verdict(boolean fraud, Instant at) {}

  private final Map<String, Verdict> byTransaction = new HashMap<>();
  private Instant newest;

  void add(Label label, Instant recordTime) {
    Instant at = label.labelledAt() != null ? label.labelledAt() : recordTime;
    if (newest == null || at.isAfter(newest)) {
      newest = at;
    }
    byTransaction.merge(
        label.transactionId(),
        new Verdict(label.fraud(), at),
        (old, next) -> next.at().isAfter(old.at()) ? next : old);
  }

  /** The latest verdict on {@code transactionId}, or null when it has no label. */
  Boolean fraud(String transactionId) {
    Verdict v = byTransaction.get(transactionId);
    return v == null ? null : v.fraud();
  }

  /** The newest verdict's time: how far the labels have come; null without labels. */
  Instant newest() {
    return newest;
  }

  Set<String> transactionIds() {
    return byTransaction.keySet();
  }
}
