package io.streamsentinel.streaming;

import io.streamsentinel.codec.AccountStateCodec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection topology (Processor API). Every node and store is named:
 *
 * <pre>
 * transactions-source (synthetic-transactions)
 *   └─ detect  [user-profiles (with each user's recent transaction ids); reads global account-status-store]
 *        ├─ fraud-scores-sink   (every decision)
 *        ├─ fraud-alerts-sink   (score ≥ threshold)
 *        └─ dlq-sink            (undecodable or invalid input, with error headers)
 * account-status-source (account-status) └─ account-status-updater [account-status-store, global]
 * </pre>
 */
public final class FraudTopology {

  private static final Logger LOG = LoggerFactory.getLogger(FraudTopology.class);

  public static final String SOURCE = "transactions-source";
  public static final String DETECT = "detect";
  public static final String SCORES_SINK = "fraud-scores-sink";
  public static final String ALERTS_SINK = "fraud-alerts-sink";
  public static final String DLQ_SINK = "dlq-sink";
  public static final String PROFILE_STORE = "user-profiles";
  public static final String ACCOUNT_STATUS_STORE = "account-status-store";
  public static final String ACCOUNT_STATUS_SOURCE = "account-status-source";
  public static final String ACCOUNT_STATUS_UPDATER = "account-status-updater";

  private FraudTopology() {}

  /** Builds the topology without drift measurement. */
  public static Topology build(DetectorSettings settings, DetectorCounters counters) {
    return build(settings, counters, DriftMonitor.disabled());
  }

  /**
   * Builds the topology; tests and the detector process use the same one.
   *
   * @param drift what the champion's decisions are counted into for drift
   */
  public static Topology build(
      DetectorSettings settings, DetectorCounters counters, DriftMonitor drift) {
    Topology topology = new Topology();
    topology.addSource(
        SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        DetectorSettings.INPUT_TOPIC);
    topology.addProcessor(DETECT, () -> new DetectionProcessor(settings, counters, drift), SOURCE);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PROFILE_STORE), Serdes.String(), Serdes.ByteArray()),
        DETECT);
    addSink(topology, SCORES_SINK, DetectorSettings.SCORES_TOPIC);
    addSink(topology, ALERTS_SINK, DetectorSettings.ALERTS_TOPIC);
    addSink(topology, DLQ_SINK, DetectorSettings.DLQ_TOPIC);
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ACCOUNT_STATUS_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled(),
        ACCOUNT_STATUS_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        DetectorSettings.ACCOUNT_STATUS_TOPIC,
        ACCOUNT_STATUS_UPDATER,
        GlobalStatusUpdater::new);
    return topology;
  }

  private static void addSink(Topology topology, String name, String topic) {
    topology.addSink(
        name, topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), DETECT);
  }

  /**
   * Keeps the global store equal to the compacted topic's valid statuses. Fail closed: a value that
   * is not an account state, and a tombstone (nothing in the system deletes a status; an unblock
   * writes ACTIVE), leave the last good status in place with a log line, so garbage can never
   * unblock a user. Kafka Streams runs restoration through this processor too (since 3.8), so a
   * restart reads the topic the same way.
   */
  private static final class GlobalStatusUpdater implements Processor<String, byte[], Void, Void> {
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      store = context.getStateStore(ACCOUNT_STATUS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null) {
        LOG.warn("Ignored a status without a user id (no key) at {}", origin());
        return;
      }
      if (record.value() == null) {
        LOG.warn(
            "Ignored a tombstone for {} at {}: the last good status stays", record.key(), origin());
        return;
      }
      try {
        AccountStateCodec.decode(record.value());
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "Ignored an unreadable status for {} at {}: {}; the last good status stays",
            record.key(),
            origin(),
            e.getMessage());
        return;
      }
      store.put(record.key(), record.value());
    }

    /** Where the record came from, {@code topic-partition@offset}, for the log. */
    private String origin() {
      return context
          .recordMetadata()
          .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
          .orElse(DetectorSettings.ACCOUNT_STATUS_TOPIC);
    }
  }
}
