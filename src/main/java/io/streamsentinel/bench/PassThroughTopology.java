package io.streamsentinel.bench;

import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The baseline the detector is judged against: the cheapest useful stateful stage, one RocksDB get
 * and put per record (changelogged, like the detector's profile store) and the input forwarded
 * unchanged.
 */
public final class PassThroughTopology {

  public static final String STORE = "pass-through-store";

  private PassThroughTopology() {}

  public static Topology build(String input, String output, LongAdder processed) {
    Topology topology = new Topology();
    topology.addSource(
        "source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), input);
    topology.addProcessor("get-put", () -> new GetPut(processed), "source");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()),
        "get-put");
    topology.addSink(
        "sink", output, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "get-put");
    return topology;
  }

  private static final class GetPut implements Processor<String, byte[], String, byte[]> {
    private final LongAdder processed;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;

    GetPut(LongAdder processed) {
      this.processed = processed;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      store.get(record.key());
      store.put(record.key(), record.value());
      context.forward(record);
      processed.increment();
    }
  }
}
