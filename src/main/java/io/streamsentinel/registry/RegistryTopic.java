package io.streamsentinel.registry;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry kept in a compacted one-partition topic, one record per change keyed by version, so
 * compaction keeps each version's latest state: {@code fraud-models} and {@code fraud-rules}; or
 * one record per entry that a tombstone removes: {@code fraud-rule-snoozes}. Reading replays the
 * topic; writing sends the changes in one transaction and waits until a reader sees them, so a
 * command run right after reads its own change.
 *
 * @param <V> a decoded record
 */
final class RegistryTopic<V> {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryTopic.class);
  private static final Duration READABLE_TIMEOUT = Duration.ofSeconds(10);

  /** Decodes a record's value, throwing {@link IllegalArgumentException} for a bad one. */
  @FunctionalInterface
  interface Decoder<V> {
    V decode(byte[] value);
  }

  /** What a record without a value (a tombstone) means on the topic. */
  enum Tombstones {
    /**
     * Nothing: a registry of versions never deletes one, so a tombstone is a bad record and the
     * version's last state stays.
     */
    REFUSED,
    /**
     * The key's entry is gone. Then every record's key must be the one its value gives, or a
     * tombstone of that key could not remove it.
     */
    DELETE;

    /**
     * What a record of key {@code recordKey} and value {@code value} says: its entry, or null for a
     * tombstone that removes the key.
     *
     * @throws IllegalArgumentException when it is not a valid record of the topic
     */
    <V> V entryOf(String recordKey, byte[] value, Decoder<V> decoder, Function<V, String> key) {
      if (value == null && this == DELETE) {
        return null;
      }
      V v = decoder.decode(value);
      if (this == DELETE && !key.apply(v).equals(recordKey)) {
        throw new IllegalArgumentException(
            "its key is not the one its value gives (" + key.apply(v) + ")");
      }
      return v;
    }
  }

  private final ClientConfigFactory clients;
  private final String topic;
  private final String producerId;
  private final Function<String, String> transactionalId;
  private final int maxRequestBytes;
  private final Decoder<V> decoder;
  private final Function<V, String> key;
  private final Function<V, byte[]> encoder;
  private final Tombstones tombstones;

  /**
   * @param transactionalId the transactional id of one change, from a unique string: unique per
   *     change, so two operators never fence each other
   * @param maxRequestBytes the producer's request size limit; 0 keeps the default
   */
  RegistryTopic(
      ClientConfigFactory clients,
      String topic,
      String producerId,
      Function<String, String> transactionalId,
      int maxRequestBytes,
      Decoder<V> decoder,
      Function<V, String> key,
      Function<V, byte[]> encoder) {
    this(
        clients,
        topic,
        producerId,
        transactionalId,
        maxRequestBytes,
        decoder,
        key,
        encoder,
        Tombstones.REFUSED);
  }

  /**
   * @param tombstones what a record without a value means
   */
  RegistryTopic(
      ClientConfigFactory clients,
      String topic,
      String producerId,
      Function<String, String> transactionalId,
      int maxRequestBytes,
      Decoder<V> decoder,
      Function<V, String> key,
      Function<V, byte[]> encoder,
      Tombstones tombstones) {
    this.clients = clients;
    this.topic = topic;
    this.producerId = producerId;
    this.transactionalId = transactionalId;
    this.maxRequestBytes = maxRequestBytes;
    this.decoder = decoder;
    this.key = key;
    this.encoder = encoder;
    this.tombstones = tombstones;
  }

  /** The latest record per version, in the order versions first appeared; bad ones are skipped. */
  List<V> latest() {
    Map<String, V> latest = new LinkedHashMap<>();
    CommittedRecords.read(
        clients,
        topic,
        Map.of(),
        r -> {
          try {
            V v = tombstones.entryOf(r.key(), r.value(), decoder, key);
            if (v == null) {
              latest.remove(r.key());
            } else {
              latest.put(key.apply(v), v);
            }
          } catch (IllegalArgumentException e) {
            LOG.warn("skipped {} record {}@{}: {}", topic, r.key(), r.offset(), e.getMessage());
          }
        });
    return new ArrayList<>(latest.values());
  }

  /**
   * Writes the changes in one Kafka transaction (a promotion's new champion and the former one's
   * archiving land together or not at all), then waits until a reader sees them.
   *
   * @throws IllegalStateException when the topic cannot be written
   */
  void write(List<V> changes) {
    write(changes, List.of());
  }

  /**
   * As {@link #write(List)}, with tombstones of {@code removals} (keys) in the same transaction.
   *
   * @throws IllegalStateException when the topic cannot be written
   */
  void write(List<V> changes, List<String> removals) {
    Map<String, Object> props =
        clients
            .transactionalProducer(producerId, transactionalId.apply(UUID.randomUUID().toString()))
            .toProperties();
    if (maxRequestBytes > 0) {
      props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (V v : changes) {
        sent.add(producer.send(new ProducerRecord<>(topic, key.apply(v), encoder.apply(v))));
      }
      for (String removed : removals) {
        sent.add(producer.send(new ProducerRecord<>(topic, removed, null)));
      }
      producer.commitTransaction();
      Map<TopicPartition, Long> offsets = new HashMap<>();
      for (Future<RecordMetadata> f : sent) {
        RecordMetadata m = f.get();
        offsets.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
      }
      if (!CommittedRecords.awaitReadable(clients, offsets, READABLE_TIMEOUT)) {
        LOG.warn(
            "The {} change is committed but not yet readable after {}", topic, READABLE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot write to " + topic + ": " + cause.getMessage(), cause);
    }
  }
}
