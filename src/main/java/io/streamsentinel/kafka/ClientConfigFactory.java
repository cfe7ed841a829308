package io.streamsentinel.kafka;

import io.streamsentinel.kafka.KafkaOverride.Scope;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the effective configuration of each Kafka client from the tuning profile and the user's
 * overrides. Every value carries its source and the reason it is set, which {@code sentinel config
 * show} prints.
 *
 * <p>Keys are strings (user ids) and values raw bytes: our codecs encode and decode at the edges,
 * so a bad record reaches our code (and a dead-letter topic) instead of failing inside the client.
 */
public final class ClientConfigFactory {

  private static final String FIXED = "fixed";

  private final KafkaSettings settings;

  public ClientConfigFactory(KafkaSettings settings) {
    this.settings = settings;
  }

  public KafkaSettings settings() {
    return settings;
  }

  /** A producer of {@code String} keys and {@code byte[]} values. */
  public ClientConfig producer(String clientId) {
    ProducerTuning t = settings.profile().producer();
    String profile = profileSource();
    ClientConfig c = common(new ClientConfig("producer"), clientId);
    c.put(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class.getName(),
        FIXED,
        "keys are user ids");
    c.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        ByteArraySerializer.class.getName(),
        FIXED,
        "values are encoded by our codecs");
    c.put(ProducerConfig.LINGER_MS_CONFIG, t.lingerMs(), profile, "wait this long to fill a batch");
    c.put(
        ProducerConfig.BATCH_SIZE_CONFIG, t.batchSizeBytes(), profile, "bytes per partition batch");
    c.put(
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        t.compression(),
        profile,
        "whole batches are compressed");
    c.put(
        ProducerConfig.ACKS_CONFIG,
        t.acks(),
        profile,
        "replicas that must have a record before it counts");
    c.put(
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        t.idempotence(),
        profile,
        "no duplicates on retry");
    c.put(
        ProducerConfig.BUFFER_MEMORY_CONFIG,
        t.bufferMemoryBytes(),
        profile,
        "send() blocks when full");
    c.put(
        ProducerConfig.RETRIES_CONFIG, t.retries(), profile, "bounded retries of transient errors");
    c.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        t.deliveryTimeoutMs(),
        profile,
        "a send fails after this");
    c.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        t.requestTimeoutMs(),
        profile,
        "one request's timeout");
    return overridden(c, Scope.PRODUCER);
  }

  /** A consumer of {@code String} keys and {@code byte[]} values that commits by hand. */
  public ClientConfig consumer(String clientId, String groupId, String autoOffsetReset) {
    ConsumerTuning t = settings.profile().consumer();
    String profile = profileSource();
    ClientConfig c = common(new ClientConfig("consumer"), clientId);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId, FIXED, "the component's consumer group");
    c.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        StringDeserializer.class.getName(),
        FIXED,
        "user ids");
    c.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class.getName(),
        FIXED,
        "decoded by our codecs so bad records reach the dead-letter topic");
    c.put(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        FIXED,
        "offsets are committed after the work is done");
    c.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        autoOffsetReset,
        FIXED,
        "where a new group starts");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, t.maxPollRecords(), profile, "records per poll");
    c.put(
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        t.fetchMinBytes(),
        profile,
        "broker waits for this much data");
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, t.fetchMaxWaitMs(), profile, "or this long");
    c.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        t.sessionTimeoutMs(),
        profile,
        "silence before eviction");
    c.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        t.heartbeatIntervalMs(),
        profile,
        "liveness signal");
    c.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
        t.maxPollIntervalMs(),
        profile,
        "max gap between polls");
    return overridden(c, Scope.CONSUMER);
  }

  /** An admin client. */
  public ClientConfig admin(String clientId) {
    ClientConfig c = common(new ClientConfig("admin"), clientId);
    c.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        30_000,
        FIXED,
        "fail admin calls within 30 s");
    return overridden(c, Scope.ADMIN);
  }

  private ClientConfig common(ClientConfig c, String clientId) {
    c.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        settings.bootstrapServers(),
        "settings",
        "where the cluster is");
    c.put(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        clientId,
        FIXED,
        "names the client in metrics and broker logs");
    return c;
  }

  private ClientConfig overridden(ClientConfig c, Scope kind) {
    for (KafkaOverride o : settings.overrides()) {
      if (o.reaches(kind)) {
        c.put(o.key(), o.value(), o.source(), "user override");
      }
    }
    return c;
  }

  private String profileSource() {
    return "profile " + settings.profile().cliName();
  }
}
