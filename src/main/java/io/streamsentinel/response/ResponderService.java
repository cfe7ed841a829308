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
 * The responder as a running stage, from {@link #start()} until {@link #close()}: {@link
 * AlertResponder} wired to real clients on one thread, and the {@link ActionNotifier} that delivers
 * its notifications, with a consumer of its own, on a second thread. Either stopping by an error
 * stops the stage's {@link #isRunning()}.
 */
public final class ResponderService implements AutoCloseable {

  /** The name of the thread that runs the responder's loop. */
  public static final String THREAD = "sentinel-responder";

  /** The name of the thread that delivers its notifications. */
  public static final String NOTIFIER_THREAD = "sentinel-notifier";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> notificationConsumer;
  private final AlertResponder responder;
  private final ActionNotifier notifier;
  private final Thread thread;
  private final Thread notifierThread;
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
    ResponderCounters counters = new ResponderCounters(metrics.registry());
    this.responder =
        new AlertResponder(
            consumer,
            producer,
            new ActionPolicy(PolicySettings.defaults()),
            () -> AlertHistories.load(clients),
            Clock.systemUTC(),
            counters);
    // "latest" would miss what the responder writes before this group's first poll; ActionNotifier
    // skips what is older than its MAX_AGE instead.
    this.notificationConsumer =
        new KafkaConsumer<>(
            clients
                .promptConsumer(settings.notifierClientId(), ActionNotifier.GROUP, "earliest")
                .toProperties());
    this.notifier =
        new ActionNotifier(
            notificationConsumer,
            settings.webhook() == null
                ? new LogNotifier()
                : new WebhookNotifier(settings.webhook(), settings.webhookTimeout()),
            Backoff.DEFAULT,
            Clock.systemUTC(),
            counters);
    this.consumerMetrics = metrics.bind(consumer);
    this.producerMetrics = metrics.bind(producer);
    this.thread = new Thread(responder, THREAD);
    this.notifierThread = new Thread(notifier, NOTIFIER_THREAD);
  }

  /** Starts consuming alerts on the responder's thread. */
  public ResponderService start() {
    thread.start();
    notifierThread.start();
    return this;
  }

  /** Its group and input, for lag and draining. */
  public GroupInput input() {
    return GroupInput.of(ClientCatalog.RESPONDER_GROUP, TopicCatalog.FRAUD_ALERTS);
  }

  /** Whether both its threads run: one that stopped by itself is an error of the stage. */
  public boolean isRunning() {
    return thread.isAlive() && notifierThread.isAlive();
  }

  public ResponderCounters counters() {
    return responder.counters();
  }

  /** What stopped it early; null while it runs or after a normal stop. */
  public Exception fatalError() {
    return responder.fatalError() != null ? responder.fatalError() : notifier.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    responder.stop();
    notifier.stop();
    notifierThread.interrupt(); // ends a backoff pause or a webhook call at once
    thread.join(CLOSE_TIMEOUT.toMillis());
    notifierThread.join(CLOSE_TIMEOUT.toMillis());
    notificationConsumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    consumerMetrics.close();
    producerMetrics.close();
    consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    producer.close(CLOSE_TIMEOUT);
  }
}
