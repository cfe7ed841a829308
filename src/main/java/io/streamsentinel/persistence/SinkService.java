package io.streamsentinel.persistence;

import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.GroupInput;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The persistence sink as a running stage: {@link PersistenceSink} wired to real clients, on its
 * own thread from {@link #start()} until {@link #close()}, with the review-case service and its
 * feedback publisher (which retries unsent label events while it runs). The database is the
 * caller's: it outlives the sink.
 */
public final class SinkService implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> dlqProducer;
  private final PersistenceSink sink;
  private final Thread thread;
  private final FeedbackPublisher feedback;
  private final CaseService cases;

  /**
   * @param instanceId names its client id ({@link ClientCatalog#persistence})
   */
  public SinkService(ClientConfigFactory clients, Database database, String instanceId) {
    String clientId = ClientCatalog.persistence(instanceId);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients.sinkConsumer(clientId, ClientCatalog.PERSISTENCE_GROUP).toProperties());
    this.dlqProducer = new KafkaProducer<>(deadLetterProducer(clients, clientId).toProperties());
    this.sink =
        new PersistenceSink(consumer, dlqProducer, database, new SinkCounters(), Clock.systemUTC());
    this.thread = new Thread(sink, "sentinel-persist");
    // The dead-letter producer also carries label events: both are plain, acknowledged sends.
    this.feedback = new FeedbackPublisher(database, dlqProducer, Clock.systemUTC()).startRetries();
    this.cases = new CaseService(database, feedback, Clock.systemUTC());
  }

  /**
   * The producer of dead letters and label events: acks=all and idempotent whatever the profile
   * (low-latency sets acks=1), since a record the sink gave up on exists nowhere else.
   */
  static ClientConfig deadLetterProducer(ClientConfigFactory clients, String clientId) {
    return clients.idempotentProducer(clientId);
  }

  /** Starts storing on the sink's thread. */
  public SinkService start() {
    thread.start();
    return this;
  }

  /** Review cases, for the API. */
  public CaseService cases() {
    return cases;
  }

  /** Its group and input, for lag and draining. */
  public GroupInput input() {
    return new GroupInput(ClientCatalog.PERSISTENCE_GROUP, PersistenceSink.TOPICS);
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  public SinkCounters counters() {
    return sink.counters();
  }

  public Exception fatalError() {
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
