package io.streamsentinel.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamsentinel.kafka.ClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's one meter registry (Prometheus), created by the composition root and handed to each
 * component. Kafka clients are bound with Micrometer's own binders, so their metrics are Kafka's
 * figures under Kafka's names ({@code kafka_producer_record_send_rate}, ...); each binding is
 * closed together with its client.
 */
public final class ProcessMetrics implements ClientMetrics, AutoCloseable {

  /**
   * How often a binding looks for metrics the client created since (per-topic, per-task and fetch
   * metrics appear only once the client works); Micrometer's default of a minute hides them too
   * long.
   */
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sentinel-metrics-refresh");
            t.setDaemon(true);
            return t;
          });

  /**
   * Binders of meters that read other objects; kept here because Micrometer holds the object a
   * function counter or gauge reads only weakly, and a collected binder would read 0 or NaN.
   */
  private final List<MeterBinder> binders = new CopyOnWriteArrayList<>();

  @Override
  public MeterRegistry registry() {
    return registry;
  }

  /** Binds {@code binder}'s meters for the life of the process. */
  public void bind(MeterBinder binder) {
    binder.bindTo(registry);
    binders.add(binder);
  }

  /** Binds a producer's metrics; close the returned binding with the producer. */
  @Override
  public Binding bind(Producer<?, ?> producer) {
    return bound(new KafkaClientMetrics(producer, Tags.empty(), refresher, REFRESH));
  }

  /** Binds a consumer's metrics; close the returned binding with the consumer. */
  @Override
  public Binding bind(Consumer<?, ?> consumer) {
    return bound(new KafkaClientMetrics(consumer, Tags.empty(), refresher, REFRESH));
  }

  /**
   * Binds a Kafka Streams client's metrics (thread, task and its embedded clients'); close the
   * returned binding with the streams client.
   */
  @Override
  public Binding bind(KafkaStreams streams) {
    return bound(new KafkaStreamsMetrics(streams, Tags.empty(), refresher, REFRESH));
  }

  private <B extends MeterBinder & AutoCloseable> Binding bound(B binder) {
    binder.bindTo(registry);
    return () -> {
      try {
        binder.close();
      } catch (Exception e) {
        // not thrown: KafkaMetrics.close() declares no checked exception
        throw new IllegalStateException("cannot unbind Kafka metrics", e);
      }
    };
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    registry.close();
  }
}
