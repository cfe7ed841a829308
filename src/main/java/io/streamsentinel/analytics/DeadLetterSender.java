package io.streamsentinel.analytics;

import io.streamsentinel.kafka.DeadLetters;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records analytics cannot read to {@code persistence-dlq}, unchanged, with the error and
 * origin headers; {@link #awaitAll()} waits until every one is acknowledged.
 */
final class DeadLetterSender {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

  private final Producer<String, byte[]> producer;
  private final Clock clock;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();

  DeadLetterSender(Producer<String, byte[]> producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  void send(ConsumerRecord<String, byte[]> record, String reason) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetters.describe(
        headers,
        "analytics",
        "decision",
        reason,
        record.topic(),
        record.partition(),
        record.offset(),
        clock.millis());
    log.warn(
        "Dead letter {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    pending.add(
        producer.send(
            new ProducerRecord<>(
                TopicCatalog.PERSISTENCE_DLQ, null, record.key(), record.value(), headers)));
  }

  /**
   * Waits for every dead letter sent since the last call.
   *
   * @throws KafkaException when one could not be written (after the producer's own retries)
   */
  void awaitAll() {
    if (pending.isEmpty()) {
      return;
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> send : pending) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write to " + TopicCatalog.PERSISTENCE_DLQ, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing dead letters", e);
    } finally {
      pending.clear();
    }
  }
}
