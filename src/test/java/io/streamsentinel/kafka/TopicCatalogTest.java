package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

  private final TopicCatalog catalog = TopicCatalog.defaults();

  @Test
  void shouldHoldTheDocumentedTopicSettings() {
    assertThat(catalog.topic("synthetic-transactions"))
        .isEqualTo(
            new TopicSpec(
                "synthetic-transactions",
                12,
                Duration.ofDays(7),
                "snappy",
                "delete",
                catalog.topic("synthetic-transactions").purpose()));
    assertThat(catalog.topic("fraud-scores").partitions()).isEqualTo(12);
    assertThat(catalog.topic("fraud-alerts").partitions()).isEqualTo(6);
    assertThat(catalog.topic("fraud-alerts").compression()).isEqualTo("gzip");
    assertThat(catalog.topic("fraud-alerts").cleanupPolicy()).contains("compact");
    assertThat(catalog.topic("user-actions").retention()).isEqualTo(Duration.ofDays(90));
    assertThat(catalog.topic("account-status").retentionMs()).isEqualTo(-1L);
    assertThat(catalog.topic("account-status").cleanupPolicy()).isEqualTo("compact");
    assertThat(catalog.topic("system-metrics").partitions()).isEqualTo(1);
    assertThat(catalog.topic("fraud-rule-snoozes").partitions()).isEqualTo(1);
    assertThat(catalog.topic("fraud-rule-snoozes").cleanupPolicy()).isEqualTo("compact");
    assertThat(catalog.topic("fraud-rule-snoozes").retentionMs()).isEqualTo(-1L);
    assertThat(catalog.names())
        .filteredOn(n -> n.endsWith("-dlq"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(catalog.topic(n).partitions()).isEqualTo(3));
  }

  @Test
  void shouldStoreTheBusiestTopicsInTheCodecTheDefaultProducersSend() {
    // Any other codec and the broker decompresses and recompresses every batch it is sent there.
    String codec = TuningProfile.BALANCED.producer().compression();
    for (String topic : new String[] {TopicCatalog.TRANSACTIONS, TopicCatalog.FRAUD_SCORES}) {
      assertThat(catalog.topic(topic).compression()).as(topic).isEqualTo(codec);
    }
  }

  @Test
  void shouldUseReplicationFactorOfAtMostThreeAndMinIsrTwoOnlyWithThreeReplicas() {
    assertThat(TopicSpec.replicationFactor(1)).isEqualTo((short) 1);
    assertThat(TopicSpec.replicationFactor(2)).isEqualTo((short) 2);
    assertThat(TopicSpec.replicationFactor(5)).isEqualTo((short) 3);
    TopicSpec spec = catalog.topic("fraud-scores");
    assertThat(spec.configs((short) 3)).containsEntry("min.insync.replicas", "2");
    assertThat(spec.configs((short) 1))
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))
        .containsEntry("compression.type", "snappy")
        .containsEntry("cleanup.policy", "delete");
  }

  @Test
  void shouldChangeOneTopicAndKeepTheOthers() {
    TopicCatalog changed = catalog.with("fraud-scores", t -> t.withPartitions(24));
    assertThat(changed.topic("fraud-scores").partitions()).isEqualTo(24);
    assertThat(changed.topic("synthetic-transactions").partitions()).isEqualTo(12);
  }

  @Test
  void shouldNameKnownTopicsWhenAskedForAnUnknownOne() {
    assertThatThrownBy(() -> catalog.topic("fraud-alert"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("fraud-alert")
        .hasMessageContaining("fraud-alerts");
  }

  @Test
  void shouldRejectZeroPartitions() {
    assertThatThrownBy(() -> catalog.topic("fraud-scores").withPartitions(0))
        .hasMessageContaining("fraud-scores")
        .hasMessageContaining("partitions");
  }
}
