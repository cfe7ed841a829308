package io.streamsentinel.registry;

import io.micrometer.core.instrument.Counter;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a registry topic ({@link RegistryTopic}) on a thread of its own from its beginning,
 * keeping the latest record per version (per key; a tombstone removes its key where the topic says
 * so, {@link RegistryTopic.Tombstones#DELETE}), and tells the owner after every change; the owner
 * looks up the newest record of a status, or takes them all. The owner loads and checks what it
 * takes off the stream threads and swaps it in with one volatile write.
 *
 * @param <V> a decoded record
 */
final class RegistryFollower<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /**
   * What the owner does after each change: look up the versions it follows with {@link #newest}.
   */
  @FunctionalInterface
  interface Listener {
    void changed();
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicPartition partition;
  private final RegistryTopic.Decoder<V> decoder;
  private final Function<V, String> key;
  private final RegistryTopic.Tombstones tombstones;
  private final Counter refusals;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Map<String, Long> offsets = new HashMap<>();
  private final Map<String, V> versions = new HashMap<>();
  private Listener listener = () -> {};
  private volatile boolean running = true;

  /**
   * @param refusals counts records that cannot be decoded
   */
  RegistryFollower(
      ClientConfigFactory clients,
      String clientId,
      String topic,
      RegistryTopic.Decoder<V> decoder,
      Function<V, String> key,
      Counter refusals) {
    this(clients, clientId, topic, decoder, key, refusals, RegistryTopic.Tombstones.REFUSED);
  }

  /**
   * @param refusals counts records that cannot be decoded
   * @param tombstones what a record without a value means
   */
  RegistryFollower(
      ClientConfigFactory clients,
      String clientId,
      String topic,
      RegistryTopic.Decoder<V> decoder,
      Function<V, String> key,
      Counter refusals,
      RegistryTopic.Tombstones tombstones) {
    this.tombstones = tombstones;
    this.consumer = CommittedRecords.reader(clients, clientId);
    this.partition = new TopicPartition(topic, 0);
    this.decoder = decoder;
    this.key = key;
    this.refusals = refusals;
    this.thread = new Thread(this::run, clientId);
    thread.setDaemon(true);
  }

  /** Starts following; {@code listener} runs on the follower's thread. */
  void start(Listener listener) {
    this.listener = listener;
    thread.start();
  }

  /**
   * Waits until the topic has been read up to its end once.
   *
   * @return whether it caught up within {@code timeout}
   */
  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The newest record (by offset) that {@code matches}, or null; only on the follower's thread. */
  V newest(Predicate<V> matches) {
    V found = null;
    long newest = -1;
    for (V v : versions.values()) {
      long offset = offsets.get(key.apply(v));
      if (matches.test(v) && offset > newest) {
        found = v;
        newest = offset;
      }
    }
    return found;
  }

  /** Every entry held, in no particular order; only on the follower's thread. */
  List<V> all() {
    return List.copyOf(versions.values());
  }

  private void run() {
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (running) {
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          changed |= take(r);
        }
        if (changed) {
          listener.changed();
        }
        if (caughtUp.getCount() > 0 && consumer.position(partition) >= end) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Following {} stopped; what is in force stays as it is", partition.topic(), e);
    } finally {
      caughtUp.countDown();
      consumer.close();
    }
  }

  private boolean take(ConsumerRecord<String, byte[]> r) {
    try {
      V v = tombstones.entryOf(r.key(), r.value(), decoder, key);
      if (v == null) {
        offsets.remove(r.key());
        return versions.remove(r.key()) != null;
      }
      versions.put(key.apply(v), v);
      offsets.put(key.apply(v), r.offset());
      return true;
    } catch (IllegalArgumentException e) {
      refusals.increment();
      LOG.error(
          "Refused record {}@{} of {}: {}", r.key(), r.offset(), partition.topic(), e.getMessage());
      return false;
    }
  }

  /** Stops following. */
  @Override
  public void close() {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
