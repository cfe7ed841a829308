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

  private double logSize() {
    Set<ObjectName> logs;
    try {
      logs = server.queryNames(new ObjectName(LOG_SIZES), null);
    } catch (JMException e) {
      return Double.NaN;
    }
    double total = Double.NaN;
    for (ObjectName log : logs) {
      double size = value(log, "Value");
      if (!Double.isNaN(size)) {
        total = Double.isNaN(total) ? size : total + size;
      }
    }
    return total;
  }

  private double read(String name, String attribute) {
    try {
      return value(new ObjectName(name), attribute);
    } catch (JMException e) {
      return Double.NaN;
    }
  }

  /**
   * One attribute, or NaN: an MBean may not be registered yet (no traffic), may be gone (a
   * partition just deleted or moved) or its gauge may fail while the log rolls.
   */
  private double value(ObjectName name, String attribute) {
    try {
      return ((Number) server.getAttribute(name, attribute)).doubleValue();
    } catch (JMException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
