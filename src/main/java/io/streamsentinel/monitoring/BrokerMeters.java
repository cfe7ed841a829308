package io.streamsentinel.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The embedded broker's own metrics, read from the Yammer registry it exposes over JMX in this JVM
 * (the same MBeans {@code kafka-run-class kafka.tools.JmxTool} shows): messages and bytes in, the
 * size of every partition log and the under-replicated partitions. A value the broker does not
 * (yet) report reads as NaN.
 */
public final class BrokerMeters implements MeterBinder {

  private static final String MESSAGES_IN =
      "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec";
  private static final String BYTES_IN = "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec";
  private static final String LOG_SIZES = "kafka.log:type=Log,name=Size,*";
  private static final String UNDER_REPLICATED =
      "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions";

  private final MBeanServer server;

  public BrokerMeters() {
    this(ManagementFactory.getPlatformMBeanServer());
  }

  BrokerMeters(MBeanServer server) {
    this.server = server;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("kafka.broker.messages.in", this, b -> b.read(MESSAGES_IN, "Count"))
        .description("Records appended by this broker, all topics")
        .register(registry);
    Gauge.builder("kafka.broker.messages.in.rate", this, b -> b.read(MESSAGES_IN, "OneMinuteRate"))
        .description("Records appended per second, one-minute moving average")
        .register(registry);
    FunctionCounter.builder("kafka.broker.bytes.in", this, b -> b.read(BYTES_IN, "Count"))
        .baseUnit("bytes")
        .description("Bytes received from producers, all topics")
        .register(registry);
    Gauge.builder("kafka.broker.bytes.in.rate", this, b -> b.read(BYTES_IN, "OneMinuteRate"))
        .description("Bytes received per second, one-minute moving average")
        .register(registry);
    Gauge.builder("kafka.broker.log.size", this, BrokerMeters::logSize)
        .baseUnit("bytes")
        .description("Size on disk of every partition log of this broker")
        .register(registry);
    Gauge.builder(
            "kafka.broker.under.replicated.partitions",
            this,
            b -> b.read(UNDER_REPLICATED, "Value"))
        .description("Partitions led here with fewer in-sync replicas than replicas")
        .register(registry);
  }

  /** Messages appended so far (the MessagesInPerSec meter's count), or NaN. */
  public double messagesIn() {
    return read(MESSAGES_IN, "Count");
  }

  private double read(String name, String attribute) {
    try {
      return ((Number) server.getAttribute(new ObjectName(name), attribute)).doubleValue();
    } catch (JMException | ClassCastException e) {
      return Double.NaN; // not registered yet (no traffic) or no broker in this JVM
    }
  }

  private double logSize() {
    try {
      Set<ObjectName> logs = server.queryNames(new ObjectName(LOG_SIZES), null);
      if (logs.isEmpty()) {
        return Double.NaN;
      }
      double total = 0;
      for (ObjectName log : logs) {
        total += ((Number) server.getAttribute(log, "Value")).doubleValue();
      }
      return total;
    } catch (JMException | ClassCastException e) {
      return Double.NaN; // a partition removed while summing; the next scrape reads again
    }
  }
}
