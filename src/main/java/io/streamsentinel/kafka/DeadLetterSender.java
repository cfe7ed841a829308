package io.streamsentinel.kafka;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records a consumer cannot handle to a dead-letter topic, unchanged unless too large (then
 * cut as {@link DeadLetters#copy} says), with the error and origin headers ({@link DeadLetters});
 * {@link #awaitAll()} waits until every one is acknowledged, so the caller commits its offsets only
 * after its dead letters are safe.
 */
public final class DeadLetterSender {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final String stage;
  private final Clock clock;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();

  /**
   * @param topic the dead-letter topic
   * @param stage what could not handle the records, for the {@code error.stage} header
   */
  public DeadLetterSender(
      Producer<String, byte[]> producer, String topic, String stage, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.stage = stage;
    this.clock = clock;
  }

  /**
   * Sends one record with the reason.
   *
   * @param field the offending field, or null when unknown
   */
  public void send(ConsumerRecord<String, byte[]> record, String field, String reason) {
    DeadLetters.Copy copy = DeadLetters.copy(record.key(), record.value(), record.headers());
    DeadLetters.describe(
        copy.headers(),
        stage,
        field,
        reason,
        record.topic(),
        record.partition(),
        record.offset(),
        clock.millis());
    log.warn(
        "Dead letter {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    pending.add(
        producer.send(new ProducerRecord<>(topic, null, copy.key(), copy.value(), copy.headers())));
  }

  /**
   * Waits for every dead letter sent since the last call.
   *
   * @throws KafkaException when one could not be written (after the producer's own retries)
   */
  public void awaitAll() {
    if (pending.isEmpty()) {
      return;
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> send : pending) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write to " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing dead letters", e);
    } finally {
      pending.clear();
    }
  }
}
