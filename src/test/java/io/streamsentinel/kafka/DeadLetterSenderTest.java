package io.streamsentinel.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeadLetterSenderTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
  private static final ConsumerRecord<String, byte[]> POISON =
      new ConsumerRecord<>(
          TopicCatalog.FRAUD_SCORES, 4, 77L, "user-1", "{oops".getBytes(StandardCharsets.UTF_8));

  @Test
  void shouldSendTheRecordUnchangedWithErrorAndOriginHeaders() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    DeadLetterSender sender =
        new DeadLetterSender(producer, TopicCatalog.PERSISTENCE_DLQ, "analytics", CLOCK);

    sender.send(POISON, "decision", "a decision is not valid JSON");
    sender.awaitAll();

    assertThat(producer.history()).hasSize(1);
    ProducerRecord<String, byte[]> dead = producer.history().get(0);
    assertThat(dead.topic()).isEqualTo(TopicCatalog.PERSISTENCE_DLQ);
    assertThat(dead.key()).isEqualTo("user-1");
    assertThat(dead.value()).isEqualTo(POISON.value());
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_STAGE)).isEqualTo("analytics");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_PROBLEM))
        .isEqualTo("a decision is not valid JSON");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_PARTITION)).isEqualTo("4");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_OFFSET)).isEqualTo("77");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_TIME))
        .isEqualTo("2026-05-01T10:00:00Z");
  }

  @Test
  void shouldMaskSecretsQuotedInTheProblem() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    DeadLetterSender sender =
        new DeadLetterSender(producer, TopicCatalog.FRAUD_ALERTS_DLQ, "responder", CLOCK);

    sender.send(
        POISON,
        "action",
        "java.io.IOException: webhook https://hooks.example/T0/hunter2 unreachable:"
            + " jdbc:postgresql://bob:hunter3@db/s?password=hunter4");
    sender.awaitAll();

    String problem =
        DeadLetters.header(producer.history().get(0).headers(), DeadLetters.ERROR_PROBLEM);
    assertThat(problem)
        .doesNotContain("hunter")
        .isEqualTo(
            "java.io.IOException: webhook https://hooks.example/******** unreachable:"
                + " jdbc:postgresql://bob:********@db/s?password=********");
  }

  @Test
  void shouldCutAnOversizedRecordToFitAndSaySo() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    DeadLetterSender sender =
        new DeadLetterSender(producer, TopicCatalog.PERSISTENCE_DLQ, "persistence", CLOCK);
    byte[] huge = "x".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
    String longKey = "k".repeat(100_000);
    sender.send(
        new ConsumerRecord<>(TopicCatalog.FRAUD_SCORES, 1, 5L, longKey, huge), null, "too large");
    sender.awaitAll();

    ProducerRecord<String, byte[]> dead = producer.history().get(0);
    assertThat(dead.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
    assertThat(dead.key()).hasSize(DeadLetters.MAX_KEY_CHARS);
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.TRUNCATED)).isEqualTo("value,key");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGINAL_BYTES)).isEqualTo("3000000");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_PROBLEM))
        .isEqualTo("too large");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.ORIGIN_OFFSET)).isEqualTo("5");
  }

  @Test
  void shouldKeepTheCopyWithinTheProducerDefaultRequestSize() {
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    for (int i = 0; i < 100; i++) {
      headers.add("h" + i, new byte[10_000]);
    }
    DeadLetters.Copy copy = DeadLetters.copy("k".repeat(5_000), new byte[5_000_000], headers);
    DeadLetters.describe(copy.headers(), "detector", "f", "p".repeat(100_000), "t", 0, 0, 0);

    long size = copy.key().length() * 3L + copy.value().length;
    for (var h : copy.headers()) {
      size += h.key().length() + h.value().length;
    }
    assertThat(size).isLessThan(1024 * 1024 / 2);
    assertThat(DeadLetters.header(copy.headers(), DeadLetters.TRUNCATED))
        .isEqualTo("headers,value,key");
  }

  @Test
  void shouldFailTheBatchWhenADeadLetterCannotBeWritten() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    DeadLetterSender sender =
        new DeadLetterSender(producer, TopicCatalog.PERSISTENCE_DLQ, "analytics", CLOCK);
    sender.send(POISON, "decision", "bad");
    producer.errorNext(new KafkaException("broker unreachable"));

    assertThatThrownBy(sender::awaitAll)
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining(TopicCatalog.PERSISTENCE_DLQ);
  }
}
