package io.streamsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamsentinel.config.ConfigFile;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.runtime.ShutdownSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/** The bench's own topics on a cluster that may already hold them. */
class BenchEnvironmentIT {

  @Test
  void shouldUseATopicLikeACatalogTopicThatAnEarlierBenchCreated() throws Exception {
    List<String> out = new ArrayList<>();
    KafkaConfig config = KafkaConfig.resolve(ConfigFile.empty(), null, null, List.of());
    try (BenchEnvironment env = BenchEnvironment.start(config, out::add, new ShutdownSignal())) {
      env.createLike(TopicCatalog.FRAUD_SCORES, StreamsDrain.PASS_THROUGH_OUTPUT);
      // A second bench on the same cluster (bench e2e's second guarantee with
      // --bootstrap-servers): before, this failed with TopicExistsException.
      env.createLike(TopicCatalog.FRAUD_SCORES, StreamsDrain.PASS_THROUGH_OUTPUT);

      try (Admin admin = Admin.create(env.clients().admin(ClientCatalog.BENCH).toProperties())) {
        Map<String, TopicDescription> topics =
            admin
                .describeTopics(
                    List.of(StreamsDrain.PASS_THROUGH_OUTPUT, TopicCatalog.FRAUD_SCORES))
                .allTopicNames()
                .get();
        assertThat(topics.get(StreamsDrain.PASS_THROUGH_OUTPUT).partitions())
            .hasSameSizeAs(topics.get(TopicCatalog.FRAUD_SCORES).partitions());
        // One of another shape is refused rather than measured as if it were the catalog's.
        admin.createTopics(List.of(new NewTopic("bench-odd", 1, (short) 1))).all().get();
      }
      assertThatThrownBy(() -> env.createLike(TopicCatalog.FRAUD_SCORES, "bench-odd"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("topic bench-odd already exists with 1 partitions");
    }
  }
}
