package io.streamsentinel.learning;

import io.streamsentinel.codec.LabelCodec;
import io.streamsentinel.domain.Label;
import io.streamsentinel.kafka.TopicCatalog;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends labels to {@code fraud-feedback}, keyed by user id (null without one: such a label lands on
 * any partition), each with a callback that counts it acknowledged or failed.
 *
 * <p>A send that failed with a retriable error was retried until the producer's delivery timeout;
 * it is counted and the import goes on. A non-retriable error (authorization, a closed or fenced
 * producer) would fail every later send too, so it stops the import. The producer is the caller's:
 * it should be idempotent, so that its retries never write a label twice.
 */
public final class LabelPublisher {

  private static final Logger log = LoggerFactory.getLogger(LabelPublisher.class);
  private static final int LOGGED_FAILURES = 10;

  private final Producer<String, byte[]> producer;
  private final AtomicLong fraud = new AtomicLong();
  private final AtomicLong legitimate = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> fatal = new AtomicReference<>();

  public LabelPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  /**
   * Reads every line, sends each label and flushes: returns once every send is acknowledged or
   * failed. Stops early when {@code stop} says so or on a non-retriable error.
   *
   * @param onLine told of each data line as it is read (for bad-line reports and progress)
   * @throws LabelFileException when the file's CSV header is wrong; nothing was sent then
   */
  public ImportResult importAll(
      LabelImport lines, Consumer<ImportLine> onLine, BooleanSupplier stop) throws IOException {
    long bad = 0;
    try {
      ImportLine line;
      while (fatal.get() == null && !stop.getAsBoolean() && (line = lines.next()) != null) {
        if (line instanceof ImportLine.Good good) {
          send(good.label());
        } else {
          bad++;
        }
        onLine.accept(line);
      }
    } finally {
      producer.flush();
    }
    return new ImportResult(
        lines.linesRead(), fraud.get(), legitimate.get(), bad, failed.get(), fatal.get());
  }

  /** Sends one label; its callback counts it. */
  public void send(Label label) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TopicCatalog.FRAUD_FEEDBACK, label.userId(), LabelCodec.encode(label));
    try {
      producer.send(record, callback(label.fraud()));
    } catch (KafkaException e) {
      // send() itself throws only for errors no retry fixes (a closed or fenced producer).
      onFailure(e);
    }
  }

  private Callback callback(boolean isFraud) {
    return (metadata, error) -> {
      if (error == null) {
        (isFraud ? fraud : legitimate).incrementAndGet();
      } else {
        onFailure(error);
      }
    };
  }

  private void onFailure(Exception error) {
    long failures = failed.incrementAndGet();
    boolean retriable = error instanceof RetriableException;
    if (!retriable) {
      fatal.compareAndSet(null, error);
    }
    if (failures <= LOGGED_FAILURES) {
      log.warn(
          "Send to {} failed ({}): {}",
          TopicCatalog.FRAUD_FEEDBACK,
          retriable ? "retries exhausted" : "not retriable",
          error.toString());
    }
  }

  /** Labels acknowledged so far: fraud. */
  public long fraud() {
    return fraud.get();
  }

  /** Labels acknowledged so far: legitimate. */
  public long legitimate() {
    return legitimate.get();
  }

  /** Sends failed so far. */
  public long failed() {
    return failed.get();
  }
}
