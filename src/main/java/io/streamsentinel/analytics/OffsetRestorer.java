package io.streamsentinel.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On assignment, positions the consumer where the database says the aggregates end: the stored next
 * offset, or the partition's start when the database has never counted it (even if Kafka has a
 * committed offset: the database is what must not miss or repeat a record).
 */
final class OffsetRestorer implements ConsumerRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(OffsetRestorer.class);

  private final Consumer<String, byte[]> consumer;
  private final AnalyticsStore store;
  private final Map<Integer, Long> stored;

  OffsetRestorer(
      Consumer<String, byte[]> consumer, AnalyticsStore store, Map<Integer, Long> stored) {
    this.consumer = consumer;
    this.store = store;
    this.stored = stored;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // Nothing pending: each batch is written before the next poll, and revocation happens inside
    // poll.
    partitions.forEach(tp -> stored.remove(tp.partition()));
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      seekToStored(consumer, store, stored, partitions);
    }
  }

  /** Seeks each partition to its stored offset (or its start) and records what was stored. */
  static void seekToStored(
      Consumer<String, byte[]> consumer,
      AnalyticsStore store,
      Map<Integer, Long> stored,
      Collection<TopicPartition> partitions) {
    Map<Integer, Long> offsets = store.offsets(AnalyticsConsumer.TOPIC);
    List<TopicPartition> fromStart = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      Long offset = offsets.get(tp.partition());
      if (offset == null) {
        stored.remove(tp.partition());
        fromStart.add(tp);
      } else {
        stored.put(tp.partition(), offset);
        consumer.seek(tp, offset);
      }
    }
    if (!fromStart.isEmpty()) {
      consumer.seekToBeginning(fromStart);
    }
    log.info(
        "Assigned {}; {} resumed from the database, {} from the start",
        partitions,
        partitions.size() - fromStart.size(),
        fromStart.size());
  }
}
