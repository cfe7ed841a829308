package io.streamsentinel.response;

import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.GroupInput;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.runtime.Backoff;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The responder as a running stage: {@link AlertResponder} wired to real clients, on its own
 * thread, from {@link #start()} until {@link #close()}.
 */
public final class ResponderService implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final AlertResponder responder;
  private final Thread thread;
  private final ClientMetrics.Binding consumerMetrics;
  private final ClientMetrics.Binding producerMetrics;

  /**
   * Creates the clients and fences any earlier instance with the same transactional id.
   *
   * @param metrics the process's metrics, to which the clients and the counters are bound
   */
  public ResponderService(
      ClientConfigFactory clients, ResponderSettings settings, ClientMetrics metrics) {
    String clientId = settings.clientId();
    this.consumer =
        new KafkaConsumer<>(
            clients
                .promptConsumer(clientId, ClientCatalog.RESPONDER_GROUP, "earliest")
                .toProperties());
    this.producer =
        new KafkaProducer<>(clients.transactionalProducer(clientId, clientId).toProperties());
    // Fences any earlier instance with this id and aborts its open transaction.
    producer.initTransactions();
    Notifier notifier =
        settings.webhook() == null ? new LogNotifier() : new WebhookNotifier(settings.webhook());
    this.responder =
        new AlertResponder(
            consumer,
            producer,
            new ActionPolicy(PolicySettings.defaults()),
            notifier,
            Backoff.DEFAULT,
            () -> AlertHistories.load(clients),
            Clock.systemUTC(),
            new ResponderCounters(metrics.registry()));
    this.consumerMetrics = metrics.bind(consumer);
    this.producerMetrics = metrics.bind(producer);
    this.thread = new Thread(responder, "sentinel-responder");
  }

  /** Starts consuming alerts on the responder's thread. */
  public ResponderService start() {
    thread.start();
    return this;
  }

  /** Its group and input, for lag and draining. */
  public GroupInput input() {
    return GroupInput.of(ClientCatalog.RESPONDER_GROUP, TopicCatalog.FRAUD_ALERTS);
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  public ResponderCounters counters() {
    return responder.counters();
  }

  /** What stopped it early; null while it runs or after a normal stop. */
  public Exception fatalError() {
    return responder.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    responder.stop();
    thread.join(CLOSE_TIMEOUT.toMillis());
    consumerMetrics.close();
    producerMetrics.close();
    consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    producer.close(CLOSE_TIMEOUT);
  }
}
