package io.streamsentinel.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Log-end offsets read with the Admin API: how many records a topic has received, partition by
 * partition.
 */
public final class TopicOffsets {

  private TopicOffsets() {}

  /** The sum of the log-end offsets of every partition of the given topics. */
  public static long endOffsetSum(Admin admin, Collection<String> topics)
      throws InterruptedException {
    return endOffsets(admin, topics).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The log-end offset of every partition of the given topics. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics)
      throws InterruptedException {
    Map<String, TopicDescription> descriptions =
        AdminCalls.call(
            "cannot describe " + topics, () -> admin.describeTopics(topics).allTopicNames().get());
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    descriptions.forEach(
        (name, d) ->
            d.partitions()
                .forEach(
                    p ->
                        request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    AdminCalls.call(
            "cannot read end offsets of " + topics, () -> admin.listOffsets(request).all().get())
        .forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  /**
   * How far a consumer group is behind on a topic: the sum over partitions of log-end offset minus
   * committed offset (a partition without a committed offset counts from 0).
   */
  public static long groupLag(Admin admin, String groupId, String topic)
      throws InterruptedException {
    Map<TopicPartition, Long> end = endOffsets(admin, List.of(topic));
    Map<TopicPartition, Long> committed = committedOffsets(admin, groupId);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      lag += e.getValue() - committed.getOrDefault(e.getKey(), 0L);
    }
    return lag;
  }

  /**
   * The offsets a consumer group (or Kafka Streams application) has committed, by partition; a
   * partition it never committed is absent. Empty for a group that does not exist (yet).
   */
  public static Map<TopicPartition, Long> committedOffsets(Admin admin, String groupId)
      throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        AdminCalls.call(
            "cannot read offsets of group " + groupId,
            () -> admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get());
    Map<TopicPartition, Long> offsets = new HashMap<>();
    committed.forEach(
        (tp, offset) -> {
          if (offset != null) {
            offsets.put(tp, offset.offset());
          }
        });
    return offsets;
  }
}
