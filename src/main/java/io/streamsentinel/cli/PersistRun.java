package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.persistence.Database;
import io.streamsentinel.persistence.PersistenceSink;
import io.streamsentinel.persistence.SinkCounters;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The persistence sink wired to real clients, on its own thread. Used by {@code persist} and {@code
 * demo}. The database is the caller's: it outlives the sink.
 */
final class PersistRun implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> dlqProducer;
  private final PersistenceSink sink;
  private final Thread thread;

  PersistRun(ClientConfigFactory clients, Database database, String instanceId) {
    String clientId = "sentinel-persist-" + instanceId;
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            clients
                .readCommittedConsumer(clientId, PersistenceSink.GROUP_ID, "earliest")
                .toProperties());
    this.dlqProducer = new KafkaProducer<>(clients.producer(clientId).toProperties());
    this.sink =
        new PersistenceSink(consumer, dlqProducer, database, new SinkCounters(), Clock.systemUTC());
    this.thread = new Thread(sink, "sentinel-persist");
    thread.start();
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
    dlqProducer.close(CLOSE_TIMEOUT);
  }
}
