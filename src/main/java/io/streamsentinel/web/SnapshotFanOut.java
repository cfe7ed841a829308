package io.streamsentinel.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each dashboard snapshot to every subscriber off the caller's thread: {@link #publish}
 * returns at once, each subscriber is written to by at most one pooled thread at a time, and a
 * subscriber still busy with an earlier snapshot gets only the latest one when it is free. So one
 * stalled browser holds one thread and misses snapshots; it cannot stall the sampler or the others.
 *
 * @param <S> a subscriber
 */
final class SnapshotFanOut<S> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFanOut.class);

  /** How a snapshot reaches a subscriber; a failure drops the subscriber. */
  interface Writer<S> {
    void write(S subscriber, String snapshot) throws Exception;
  }

  private final Writer<S> writer;
  private final Map<S, Slot> slots = new ConcurrentHashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dashboard-sse");
            t.setDaemon(true);
            return t;
          });

  SnapshotFanOut(Writer<S> writer) {
    this.writer = writer;
  }

  /** The latest snapshot and whether a write to the subscriber is under way. */
  private static final class Slot {
    final AtomicReference<String> latest = new AtomicReference<>();
    final AtomicBoolean writing = new AtomicBoolean();
  }

  void add(S subscriber) {
    slots.put(subscriber, new Slot());
  }

  void remove(S subscriber) {
    slots.remove(subscriber);
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /** Queues {@code snapshot} for every subscriber and returns without waiting for any. */
  void publish(String snapshot) {
    slots.forEach(
        (subscriber, slot) -> {
          slot.latest.set(snapshot);
          if (slot.writing.compareAndSet(false, true)) {
            threads.execute(() -> drain(subscriber, slot));
          }
        });
  }

  private void drain(S subscriber, Slot slot) {
    try {
      String next;
      while ((next = slot.latest.getAndSet(null)) != null) {
        writer.write(subscriber, next);
      }
    } catch (Exception e) {
      LOG.debug("Dropped a dashboard subscriber: {}", e.toString());
      slots.remove(subscriber);
      return;
    } finally {
      slot.writing.set(false);
    }
    // A snapshot may have arrived between the last read and the flag's reset.
    if (slot.latest.get() != null && slot.writing.compareAndSet(false, true)) {
      threads.execute(() -> drain(subscriber, slot));
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
