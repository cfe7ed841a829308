package io.streamsentinel.generator;

import io.streamsentinel.domain.Transaction;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Simulates and encodes transactions on a thread of its own, a few batches ahead of the send loop,
 * so that the sending thread only sends: on one thread the generator's own work per record (about
 * 1.5 µs of simulation and JSON) comes on top of {@code send()}, which is all a raw producer does.
 *
 * <p>One simulator still makes every event, in its order, so the stream for a seed and each user's
 * order are exactly those of the single-threaded loop; only when they are made changes. Events made
 * ahead but never taken (a stop, a count reached) are dropped. Handing over whole batches keeps the
 * cost of the hand-over small per record; the queue bounds how far ahead the simulation runs.
 *
 * <p>{@link #get()} belongs to one consumer thread; {@link #close()} may come from any thread.
 */
final class SimulationAhead implements Supplier<EncodedTransaction>, AutoCloseable {

  /** Records per hand-over: amortises the queue's locking, small enough to start at once. */
  static final int BATCH = 512;

  /** Batches made ahead at most: about 4,000 records, 2 MB. */
  private static final int BATCHES_AHEAD = 8;

  private final Supplier<Transaction> events;
  private final Function<Transaction, byte[]> encoder;
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private Thread worker;
  private EncodedTransaction[] batch;
  private int next;

  /**
   * @param events the simulation; called only on this object's own thread
   * @param encoder called only on this object's own thread, so it may be a single-thread encoder
   */
  SimulationAhead(Supplier<Transaction> events, Function<Transaction, byte[]> encoder) {
    this.events = events;
    this.encoder = encoder;
  }

  /**
   * The next event, waiting for the simulation if it is behind.
   *
   * @throws IllegalStateException when the simulation failed (its exception is the cause) or the
   *     waiting thread was interrupted
   */
  @Override
  public EncodedTransaction get() {
    if (worker == null) {
      worker = new Thread(this::simulate, "sentinel-generator-simulation");
      worker.setDaemon(true);
      worker.start();
    }
    if (batch == null || next == batch.length) {
      batch = take();
      next = 0;
    }
    return batch[next++];
  }

  /** Stops the simulation thread; events not yet taken are dropped. */
  @Override
  public void close() {
    if (worker != null) {
      worker.interrupt();
    }
  }

  private EncodedTransaction[] take() {
    Object item;
    try {
      item = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the simulation", e);
    }
    if (item instanceof RuntimeException || item instanceof Error) {
      throw new IllegalStateException("the simulation failed", (Throwable) item);
    }
    return (EncodedTransaction[]) item;
  }

  private void simulate() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        EncodedTransaction[] made = new EncodedTransaction[BATCH];
        for (int i = 0; i < BATCH; i++) {
          Transaction tx = events.get();
          made[i] = new EncodedTransaction(tx.userId(), encoder.apply(tx), tx.fraudPattern());
        }
        ready.put(made);
      }
    } catch (InterruptedException e) {
      // close(): the send loop is done with us.
    } catch (RuntimeException | Error e) {
      // Handed to the consumer, who fails with it; if the queue is full it is still draining.
      try {
        ready.put(e);
      } catch (InterruptedException closed) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
