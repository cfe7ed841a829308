package io.streamsentinel.kafka;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a consuming stage reads: its consumer group and input topics. The stage has drained when the
 * group's committed offsets reach the end of every input partition ({@link #lag}).
 *
 * @param group the consumer group (for the detector, its Kafka Streams application id)
 * @param topics the input topics
 */
public record GroupInput(String group, List<String> topics) {

  public GroupInput {
    Objects.requireNonNull(group, "group");
    topics = List.copyOf(topics);
  }

  public static GroupInput of(String group, String... topics) {
    return new GroupInput(group, List.of(topics));
  }

  /** Records of the input the group has not committed yet, over every topic. */
  public long lag(Admin admin) throws InterruptedException {
    long lag = 0;
    for (String topic : topics) {
      lag += TopicOffsets.groupLag(admin, group, topic);
    }
    return lag;
  }
}
