package io.streamsentinel.monitoring;

import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.KafkaAdminException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per group and partition, read with the Admin API the way {@code
 * kafka-consumer-groups --describe} reads it: committed offsets, log-end offsets (latest, as the
 * tool asks for them) and the members that own the partitions. A partition appears when the group
 * has committed an offset on it or a member owns it.
 */
public final class LagReport {

  /** Every consumer group of the system: the detector's (a Streams app id), the responder's, ... */
  public static final List<String> SYSTEM_GROUPS = ClientCatalog.GROUPS;

  private static final Comparator<PartitionLag> ORDER =
      Comparator.comparing(PartitionLag::group)
          .thenComparing(PartitionLag::topic)
          .thenComparingInt(PartitionLag::partition);

  private final Admin admin;

  public LagReport(Admin admin) {
    this.admin = admin;
  }

  /** The consumer groups that exist: every one with {@code all}, else the system's. */
  public List<String> groups(boolean all) throws InterruptedException {
    Collection<GroupListing> listed =
        get(
            "cannot list consumer groups",
            admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
    return listed.stream()
        .map(GroupListing::groupId)
        .filter(g -> all || SYSTEM_GROUPS.contains(g))
        .sorted()
        .toList();
  }

  /** The rows of the given groups, ordered by group, topic and partition. */
  public List<PartitionLag> describe(Collection<String> groups) throws InterruptedException {
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, ConsumerGroupDescription> described =
        get("cannot describe groups " + groups, admin.describeConsumerGroups(groups).all());
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
        get(
            "cannot read committed offsets of " + groups,
            admin.listConsumerGroupOffsets(specs).all());
    Set<TopicPartition> partitions = new HashSet<>();
    for (String group : groups) {
      partitions.addAll(owners(described.get(group)).keySet());
      partitions.addAll(committed.getOrDefault(group, Map.of()).keySet());
    }
    Map<TopicPartition, Long> ends = logEnds(partitions);
    List<PartitionLag> rows = new ArrayList<>();
    for (String group : groups) {
      rows.addAll(rows(group, described.get(group), committed.getOrDefault(group, Map.of()), ends));
    }
    rows.sort(ORDER);
    return rows;
  }

  private static List<PartitionLag> rows(
      String group,
      ConsumerGroupDescription description,
      Map<TopicPartition, OffsetAndMetadata> committed,
      Map<TopicPartition, Long> ends) {
    Map<TopicPartition, MemberDescription> owners = owners(description);
    Set<TopicPartition> partitions = new HashSet<>(owners.keySet());
    committed.forEach(
        (tp, offset) -> {
          if (offset != null) {
            partitions.add(tp);
          }
        });
    List<PartitionLag> rows = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata offset = committed.get(tp);
      Long current = offset == null ? null : offset.offset();
      long end = ends.get(tp);
      MemberDescription owner = owners.get(tp);
      rows.add(
          new PartitionLag(
              group,
              tp.topic(),
              tp.partition(),
              current,
              end,
              current == null ? null : end - current,
              owner == null ? null : owner.consumerId(),
              owner == null ? null : owner.host(),
              owner == null ? null : owner.clientId()));
    }
    return rows;
  }

  private static Map<TopicPartition, MemberDescription> owners(ConsumerGroupDescription group) {
    Map<TopicPartition, MemberDescription> owners = new HashMap<>();
    if (group != null) {
      for (MemberDescription member : group.members()) {
        member.assignment().topicPartitions().forEach(tp -> owners.put(tp, member));
      }
    }
    return owners;
  }

  private Map<TopicPartition, Long> logEnds(Set<TopicPartition> partitions)
      throws InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    get("cannot read log-end offsets", admin.listOffsets(request).all())
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static <T> T get(String what, Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new KafkaAdminException(what + ": " + e.getCause().getMessage(), e.getCause());
    }
  }
}
