package io.streamsentinel.cli;

import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.response.ActionPolicy;
import io.streamsentinel.response.AlertHistories;
import io.streamsentinel.response.AlertResponder;
import io.streamsentinel.response.LogNotifier;
import io.streamsentinel.response.Notifier;
import io.streamsentinel.response.PolicySettings;
import io.streamsentinel.response.ResponderCounters;
import io.streamsentinel.response.RetryPolicy;
import io.streamsentinel.response.WebhookNotifier;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The responder wired to real clients, on its own thread. Used by {@code respond} and {@code demo}.
 */
final class ResponderRun implements AutoCloseable {

  static final String GROUP_ID = "alert-response-group";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final AlertResponder responder;
  private final Thread thread;
  private final ProcessMetrics.Binding consumerMetrics;
  private final ProcessMetrics.Binding producerMetrics;

  ResponderRun(ClientConfigFactory clients, ResponderOptions options) {
    this(clients, options, null);
  }

  /**
   * @param metrics the process's metrics, to which the clients and the counters are bound; null for
   *     none
   */
  ResponderRun(ClientConfigFactory clients, ResponderOptions options, ProcessMetrics metrics) {
    this.consumer =
        new KafkaConsumer<>(
            clients.promptConsumer(clientId(options), GROUP_ID, "earliest").toProperties());
    this.producer =
        new KafkaProducer<>(
            clients.transactionalProducer(clientId(options), clientId(options)).toProperties());
    producer.initTransactions(); // fences any earlier instance with this id and aborts its open
    // transaction
    PolicySettings policy = PolicySettings.defaults();
    Notifier notifier =
        options.webhook == null ? new LogNotifier() : new WebhookNotifier(options.webhook);
    Clock clock = Clock.systemUTC();
    this.responder =
        new AlertResponder(
            consumer,
            producer,
            new ActionPolicy(policy),
            notifier,
            RetryPolicy.DEFAULT,
            () -> AlertHistories.load(clients),
            clock,
            metrics == null ? new ResponderCounters() : new ResponderCounters(metrics.registry()));
    this.consumerMetrics = metrics == null ? ProcessMetrics.Binding.NONE : metrics.bind(consumer);
    this.producerMetrics = metrics == null ? ProcessMetrics.Binding.NONE : metrics.bind(producer);
    this.thread = new Thread(responder, "sentinel-responder");
    thread.start();
  }

  static String clientId(ResponderOptions options) {
    return "sentinel-responder-" + options.instanceId;
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  ResponderCounters counters() {
    return responder.counters();
  }

  Exception fatalError() {
    return responder.fatalError();
  }

  @Override
  public void close() throws InterruptedException {
    responder.stop();
    thread.join(CLOSE_TIMEOUT.toMillis());
    consumerMetrics.close();
    producerMetrics.close();
    consumer.close(CLOSE_TIMEOUT);
    producer.close(CLOSE_TIMEOUT);
  }
}
