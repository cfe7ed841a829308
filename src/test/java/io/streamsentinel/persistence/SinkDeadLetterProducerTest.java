package io.streamsentinel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.KafkaSettings;
import io.streamsentinel.kafka.TuningProfile;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class SinkDeadLetterProducerTest {

  @Test
  void shouldWaitForEveryReplicaEvenUnderTheLowLatencyProfile() {
    ClientConfigFactory clients =
        new ClientConfigFactory(
            new KafkaSettings("broker:9092", TuningProfile.LOW_LATENCY, List.of()));
    assertThat(clients.producer("x").toProperties().get(ProducerConfig.ACKS_CONFIG))
        .as("the profile itself")
        .isEqualTo("1");

    Map<String, Object> dlq = SinkService.deadLetterProducer(clients, "x").toProperties();

    assertThat(dlq.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(String.valueOf(dlq.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
  }
}
