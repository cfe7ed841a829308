package io.streamsentinel.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a stage's Kafka clients and counters report: the process's meter registry, or {@link
 * #none()}. Stages take this rather than the monitoring stage's registry, so they do not depend on
 * it.
 */
public interface ClientMetrics {

  /**
   * Reports nowhere: counters still count, but no registry exports them. A new one each time, so
   * that two components' meters of one name never meet.
   */
  static ClientMetrics none() {
    return new Unbound(new CompositeMeterRegistry());
  }

  /**
   * The stage's own counters into {@code registry}, its Kafka clients bound nowhere: for a caller
   * that reads a stage's counters itself (a benchmark).
   */
  static ClientMetrics countersOnly(MeterRegistry registry) {
    return new Unbound(registry);
  }

  /** The registry the stage's own counters are meters of. */
  MeterRegistry registry();

  /** Binds a producer's metrics; close the returned binding with the producer. */
  Binding bind(Producer<?, ?> producer);

  /** Binds a consumer's metrics; close the returned binding with the consumer. */
  Binding bind(Consumer<?, ?> consumer);

  /** Binds a Kafka Streams client's metrics; close the returned binding with the client. */
  Binding bind(KafkaStreams streams);

  /** A client's metrics bound to the registry; closing removes them. */
  @FunctionalInterface
  interface Binding extends AutoCloseable {
    /** Nothing bound. */
    Binding NONE = () -> {};

    @Override
    void close();
  }

  /**
   * Binds no client. With a composite registry to which no registry is added, as {@link #none()}
   * makes it, it records nothing at all.
   */
  final class Unbound implements ClientMetrics {
    private final MeterRegistry registry;

    private Unbound(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public MeterRegistry registry() {
      return registry;
    }

    @Override
    public Binding bind(Producer<?, ?> producer) {
      return Binding.NONE;
    }

    @Override
    public Binding bind(Consumer<?, ?> consumer) {
      return Binding.NONE;
    }

    @Override
    public Binding bind(KafkaStreams streams) {
      return Binding.NONE;
    }
  }
}
