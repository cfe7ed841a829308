package io.streamsentinel.persistence;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the persistence sink has done so far; read by status lines and metrics. */
public final class SinkCounters {

  private final AtomicLong decisions = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong actions = new AtomicLong();
  private final AtomicLong statuses = new AtomicLong();
  private final AtomicLong labels = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicReference<String> waitingFor = new AtomicReference<>();

  void written(SinkBatch batch) {
    decisions.addAndGet(batch.decisions.size());
    alerts.addAndGet(batch.alerts.size());
    actions.addAndGet(batch.actions.size());
    statuses.addAndGet(batch.statuses.size());
    labels.addAndGet(batch.labels.size());
    batches.incrementAndGet();
  }

  void deadLetters(int count) {
    deadLetters.addAndGet(count);
  }

  void retrying(String problem) {
    retries.incrementAndGet();
    waitingFor.set(problem);
  }

  void recovered() {
    waitingFor.set(null);
  }

  /** Decision records written (a redelivered one counts again; the table holds it once). */
  public long decisions() {
    return decisions.get();
  }

  public long alerts() {
    return alerts.get();
  }

  public long actions() {
    return actions.get();
  }

  public long statuses() {
    return statuses.get();
  }

  /**
   * Label records written (a replayed or superseded one counts too; the table keeps the latest per
   * transaction).
   */
  public long labels() {
    return labels.get();
  }

  /** Records sent to the dead-letter topic. */
  public long deadLetters() {
    return deadLetters.get();
  }

  public long batches() {
    return batches.get();
  }

  /** Batches retried after a transient failure. */
  public long retries() {
    return retries.get();
  }

  /** The problem the sink is waiting out (partitions paused), or null when it is flowing. */
  public String waitingFor() {
    return waitingFor.get();
  }
}
