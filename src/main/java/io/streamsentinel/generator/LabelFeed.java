package io.streamsentinel.generator;

import io.streamsentinel.domain.Label;
import io.streamsentinel.domain.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The verdicts that follow the simulated transactions, the way labels reach a fraud team: every
 * injected fraud comes back as a chargeback some days later, and a small share of legitimate
 * transactions is confirmed by analysts within hours or days. Labels fall due in simulated time: a
 * label is released once the simulation's clock passes its {@code labelled_at}, so a short run
 * sends few and a long one many. Deterministic for a seed. Not thread-safe: the send loop owns it.
 */
public final class LabelFeed {

  /**
   * When labels come.
   *
   * @param legitimateShare the share of legitimate transactions an analyst confirms, in [0, 1]
   * @param chargebackMin the shortest delay of a chargeback after the transaction
   * @param chargebackMax the longest
   * @param reviewMin the shortest delay of an analyst's confirmation
   * @param reviewMax the longest
   */
  public record Policy(
      double legitimateShare,
      Duration chargebackMin,
      Duration chargebackMax,
      Duration reviewMin,
      Duration reviewMax) {

    public Policy {
      if (!(legitimateShare >= 0 && legitimateShare <= 1)) {
        throw new IllegalArgumentException(
            "legitimateShare must be in [0, 1] but was " + legitimateShare);
      }
      if (chargebackMin.isNegative() || chargebackMax.compareTo(chargebackMin) < 0) {
        throw new IllegalArgumentException("chargeback delays must satisfy 0 <= min <= max");
      }
      if (reviewMin.isNegative() || reviewMax.compareTo(reviewMin) < 0) {
        throw new IllegalArgumentException("review delays must satisfy 0 <= min <= max");
      }
    }

    /**
     * Chargebacks 1 hour to 1 day after the fraud, and analysts confirming 2 % of the legitimate
     * transactions within the same span. Real chargebacks take weeks; the demo's simulation covers
     * a few days a minute, so a compressed delay keeps the loop visible within minutes. By {@link
     * #latest()} after a transaction, its label has come if it ever will.
     */
    public static Policy defaults() {
      return new Policy(
          0.02, Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1));
    }

    /** The longest delay of any label: after it, an unlabelled transaction stays unlabelled. */
    public Duration latest() {
      return chargebackMax.compareTo(reviewMax) >= 0 ? chargebackMax : reviewMax;
    }
  }

  private final Policy policy;
  private final SplittableRandom random;
  private final PriorityQueue<Label> pending =
      new PriorityQueue<>(Comparator.comparing(Label::labelledAt));
  private long released;

  public LabelFeed(Policy policy, long seed) {
    this.policy = policy;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /**
   * Notes a sent transaction: a fraud is scheduled for a chargeback, some legitimate ones for
   * review.
   */
  public void observe(Transaction tx) {
    boolean fraud = Boolean.TRUE.equals(tx.isFraud());
    if (fraud) {
      pending.add(
          label(tx, true, Label.CHARGEBACK, policy.chargebackMin(), policy.chargebackMax()));
    } else if (tx.isFraud() != null && random.nextDouble() < policy.legitimateShare()) {
      pending.add(label(tx, false, Label.ANALYST, policy.reviewMin(), policy.reviewMax()));
    }
  }

  /** The labels due at simulated time {@code now}, oldest first; each is returned once. */
  public List<Label> due(Instant now) {
    List<Label> due = new ArrayList<>();
    while (!pending.isEmpty() && !pending.peek().labelledAt().isAfter(now)) {
      due.add(pending.poll());
    }
    released += due.size();
    return due;
  }

  /** How many labels have fallen due so far. */
  public long released() {
    return released;
  }

  /** How many labels wait for their time. */
  public int pending() {
    return pending.size();
  }

  private Label label(Transaction tx, boolean fraud, String source, Duration min, Duration max) {
    long span = max.toSeconds() - min.toSeconds();
    long delay = min.toSeconds() + (span == 0 ? 0 : random.nextLong(span + 1));
    return new Label(
        tx.transactionId(), fraud, tx.userId(), source, tx.timestamp().plusSeconds(delay));
  }
}
