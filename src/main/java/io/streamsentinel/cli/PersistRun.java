package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.persistence.CaseService;
import io.streamsentinel.persistence.Database;
import io.streamsentinel.persistence.FeedbackPublisher;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.persistence.SinkCounters;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The persistence sink wired to real clients, on its own thread, with the review-case service and
 * its feedback publisher (which retries unsent label events while it runs). Used by {@code persist}
 * and {@code demo}. The database is the caller's: it outlives the sink.
 */
final class PersistRun implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> dlqProducer;
  private final PersistenceSink sink;
  private final Thread thread;
  private final FeedbackPublisher feedback;
  private final CaseService cases;

  PersistRun(ClientConfigFactory clients, Database database, String instanceId) {
    String clientId = clientId(instanceId);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients.sinkConsumer(clientId, PersistenceSink.GROUP_ID).toProperties());
    this.dlqProducer = new KafkaProducer<>(clients.producer(clientId).toProperties());
    this.sink =
        new PersistenceSink(consumer, dlqProducer, database, new SinkCounters(), Clock.systemUTC());
    this.thread = new Thread(sink, "sentinel-persist");
    // The dead-letter producer also carries label events: both are plain, acknowledged sends.
    this.feedback = new FeedbackPublisher(database, dlqProducer, Clock.systemUTC()).startRetries();
    this.cases = new CaseService(database, feedback, Clock.systemUTC());
    thread.start();
  }

  static String clientId(String instanceId) {
    return "sentinel-persist-" + instanceId;
  }

  /** Review cases, for the API. */
  CaseService cases() {
    return cases;
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  SinkCounters counters() {
    return sink.counters();
  }

  Exception fatalError() {
    return sink.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    sink.close();
    thread.join(CLOSE_TIMEOUT.toMillis());
    feedback.close();
    dlqProducer.close(CLOSE_TIMEOUT);
  }
}
