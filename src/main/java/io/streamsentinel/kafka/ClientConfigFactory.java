package io.streamsentinel.kafka;

import io.streamsentinel.kafka.KafkaOverride.Scope;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * Builds the effective configuration of each Kafka client from the tuning profile and the user's
 * overrides. Every value carries its source and the reason it is set, which {@code sentinel config
 * show} prints.
 *
 * <p>Keys are strings (user ids) and values raw bytes: our codecs encode and decode at the edges,
 * so a bad record reaches our code (and a dead-letter topic) instead of failing inside the client.
 */
public final class ClientConfigFactory {

  /**
   * Kafka Streams' flag for the processing exception handler on the global thread; its constant is
   * deprecated in Kafka 4 because 5.0 enables the handler there by default.
   */
  static final String GLOBAL_PROCESSING_HANDLER = "processing.exception.handler.global.enabled";

  private static final String FIXED = "fixed";

  /**
   * {@code retry.backoff.ms} of transactional producers (the first retry; Kafka doubles it up to
   * {@code retry.backoff.max.ms}, 1 s). A transactional producer that starts its next transaction
   * at once (the responder under a steady trickle of alerts, Streams after every exactly-once
   * commit) meets CONCURRENT_TRANSACTIONS while the broker still writes the previous one's markers,
   * and waits out this backoff: with Kafka's default of 100 ms, alert &rarr; action under
   * at_least_once took 139 ms at the median (bench e2e, 3,000 tx/s), against 37 ms with 5 ms.
   */
  static final int TRANSACTION_RETRY_BACKOFF_MS = 5;

  /**
   * Kafka's "let the operating system size it" for {@code receive.buffer.bytes} and {@code
   * send.buffer.bytes}. Kafka's own fixed sizes (a consumer receives into 64 KB, a producer into 32
   * KB) switch off Linux's buffer autotuning. Over loopback, whose 64 KB segments fill such a queue
   * at once, the kernel then dropped segments from full receive queues (nstat {@code TCPRcvQDrop},
   * {@code RcvPruned}: 69-151 per {@code bench e2e} invocation), and each drop waited out a
   * retransmission timeout of at least 200 ms. A reader's fetch, answered by the broker within a
   * few ms, came back 212 ms after it was sent, long after the outputs had been committed: that was
   * the exactly_once_v2 tail of {@code bench e2e --stage pass-through} (p99 222 and 234.5 ms
   * against 103 and 116.5 ms with the OS's buffers, two pairs of invocations; no drops at all with
   * them).
   */
  static final int OS_SOCKET_BUFFER = -1;

  private static final String SOCKET_BUFFERS =
      "the operating system sizes socket buffers: Kafka's fixed ones turn off autotuning, and full"
          + " receive queues dropped segments that waited 200 ms to be sent again";

  private static final String BACK_TO_BACK_TRANSACTIONS =
      "retry soon when the previous transaction's markers are still being written";

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

  /**
   * A producer that never writes a record twice on retry, whatever the profile says (low-latency
   * turns idempotence off): for one-off imports, where a duplicate cannot be told from a second
   * verdict. User overrides still apply last.
   */
  public ClientConfig idempotentProducer(String clientId) {
    ClientConfig c = producer(clientId);
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, FIXED, "no duplicates on retry");
    c.put(ProducerConfig.ACKS_CONFIG, "all", FIXED, "required by idempotence");
    return overridden(c, Scope.PRODUCER);
  }

  /**
   * A transactional producer: exactly-once read-process-write. Transactions need idempotence and
   * acks=all, so those are fixed whatever the profile says; user overrides still apply last.
   */
  public ClientConfig transactionalProducer(String clientId, String transactionalId) {
    ClientConfig c = producer(clientId);
    c.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        transactionalId,
        FIXED,
        "fences a restarted instance's zombie");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, FIXED, "required by transactions");
    c.put(ProducerConfig.ACKS_CONFIG, "all", FIXED, "required by transactions");
    c.put(
        ProducerConfig.RETRY_BACKOFF_MS_CONFIG,
        TRANSACTION_RETRY_BACKOFF_MS,
        FIXED,
        BACK_TO_BACK_TRANSACTIONS);
    return overridden(c, Scope.PRODUCER);
  }

  /** A consumer that sees only committed transactional records. */
  public ClientConfig readCommittedConsumer(
      String clientId, String groupId, String autoOffsetReset) {
    ClientConfig c = consumer(clientId, groupId, autoOffsetReset);
    c.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        FIXED,
        "never act on aborted records");
    return overridden(c, Scope.CONSUMER);
  }

  /**
   * A read_committed consumer whose fetch returns as soon as one record is there: for sparse,
   * latency-critical input (the responder's alerts, a latency observer). Alerts are a small share
   * of the traffic; waiting for the profile's {@code fetch.min.bytes} would hold each one back for
   * up to {@code fetch.max.wait.ms} (500 ms in {@code balanced}), against the responder's SLA. The
   * user's overrides still apply last.
   */
  public ClientConfig promptConsumer(String clientId, String groupId, String autoOffsetReset) {
    ClientConfig c = readCommittedConsumer(clientId, groupId, autoOffsetReset);
    c.put(
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        1,
        "prompt consumer",
        "answer a fetch as soon as one record is there");
    return overridden(c, Scope.CONSUMER);
  }

  /**
   * The Kafka guide's batch consumer (analytics): a new group reads the topic from its start in
   * large polls, sees only committed records, and commits once per processed batch. The profile's
   * other values and the user's overrides still apply; overrides last.
   */
  public ClientConfig batchConsumer(String clientId, String groupId) {
    ClientConfig c = readCommittedConsumer(clientId, groupId, "earliest");
    String batch = "batch consumer";
    // Large polls: one database transaction per poll, so fewer, bigger transactions.
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000, batch, "records per poll (one batch)");
    // Let the broker gather a large fetch: analytics trades latency for throughput.
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5_000, batch, "broker waits up to this long");
    return overridden(c, Scope.CONSUMER);
  }

  /**
   * The persistence sink's consumer: read_committed, manual commits, and polls of up to 5,000
   * records, since each poll is one database transaction and bigger ones amortise its commit. The
   * profile's fetch wait still bounds how stale the database gets.
   */
  public ClientConfig sinkConsumer(String clientId, String groupId) {
    ClientConfig c = readCommittedConsumer(clientId, groupId, "earliest");
    c.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        5_000,
        "persistence sink",
        "records per poll (one database transaction)");
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

  /**
   * A Kafka Streams application. The profile's producer and consumer values reach Streams' inner
   * clients through the {@code producer.} and {@code consumer.} prefixes; under exactly-once
   * Streams itself fixes acks and idempotence, so the profile's values for those are left out, and
   * the inner producer lingers for the commit interval instead of the profile's linger; under
   * at-least-once it lingers {@link TuningProfile#atLeastOnceStreamsLingerMs()}.
   */
  public ClientConfig streams(StreamsSettings s) {
    ClientConfig c = common(new ClientConfig("streams"), s.applicationId());
    String profile = profileSource();
    c.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        s.applicationId(),
        FIXED,
        "group id of every instance");
    c.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        s.guarantee().config(),
        "--guarantee",
        "processing guarantee");
    c.put(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
        s.threads(),
        "--threads",
        "stream threads in this instance");
    c.put(
        StreamsConfig.STATE_DIR_CONFIG,
        s.stateDir().toString(),
        "--state-dir",
        "RocksDB stores live here");
    c.put(
        StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
        StreamsConfig.MAX_TASK_IDLE_MS_DISABLED,
        FIXED,
        "each task reads one input partition, so there is no other input to wait for to keep"
            + " time order; disabled, Streams also stops describing every empty partition on"
            + " every loop (String.format: 2-5 % of the stream thread's samples in bench detect)");
    c.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName(),
        FIXED,
        "skip an unreadable record (to the DLQ)");
    c.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName(),
        FIXED,
        "skip a record that fails (to the DLQ)");
    c.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DefaultProductionExceptionHandler.class.getName(),
        FIXED,
        "an output that cannot be written stops the task");
    c.put(
        GLOBAL_PROCESSING_HANDLER,
        true,
        FIXED,
        "the handler also covers the global account-status store");
    c.put(
        StreamsConfig.mainConsumerPrefix(GLOBAL_PROCESSING_HANDLER),
        true,
        FIXED,
        "the same where Kafka Streams' partition assignor reads its settings (from the main"
            + " consumer's); without it Streams warns on every start that the handler does not"
            + " cover the global thread");
    if (s.deadLetterTopic() != null) {
      c.put(
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
          s.deadLetterTopic(),
          FIXED,
          "where the handlers above send skipped records");
    }
    if (s.endpoint() != null) {
      c.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG,
          s.endpoint().host() + ":" + s.endpoint().port(),
          "--http-host/--http-port",
          "where the other instances forward queries for keys hosted here");
    }
    ProducerTuning p = settings.profile().producer();
    if (s.guarantee() == StreamsSettings.Guarantee.EXACTLY_ONCE) {
      c.put(
          StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
          settings.profile().exactlyOnceCommitIntervalMs(),
          profile,
          "a read_committed reader sees the outputs at the commit: most of a decision's latency");
      KafkaOverride interval = commitIntervalOverride();
      c.put(
          "producer." + ProducerConfig.LINGER_MS_CONFIG,
          exactlyOnceCommitIntervalMs(interval),
          interval == null ? profile : interval.source(),
          "the commit interval: read_committed readers see the outputs only at the commit, which"
              + " sends them whatever the linger; lingering as long makes fewer, fuller batches"
              + " (bench e2e at 10,000 tx/s: half the partitions in produce requests, the JVM"
              + " 0.1-0.3 cores less)");
    } else {
      c.put(
          "producer." + ProducerConfig.LINGER_MS_CONFIG,
          settings.profile().atLeastOnceStreamsLingerMs(),
          profile,
          "the profile's linger for Kafka Streams under at-least-once, where outputs are visible"
              + " once written (balanced's 20 ms against 5 in bench e2e at 10,000 tx/s on 2 cores:"
              + " p99 and alert -> action lower, the JVM 0.26-0.37 cores less)");
    }
    c.put(
        "producer." + ProducerConfig.BATCH_SIZE_CONFIG,
        p.batchSizeBytes(),
        profile,
        "inner producer batch");
    c.put(
        "producer." + ProducerConfig.COMPRESSION_TYPE_CONFIG,
        p.compression(),
        profile,
        "inner compression");
    if (s.guarantee() == StreamsSettings.Guarantee.AT_LEAST_ONCE) {
      c.put("producer." + ProducerConfig.ACKS_CONFIG, p.acks(), profile, "inner producer acks");
    } else {
      c.put(
          "producer." + ProducerConfig.RETRY_BACKOFF_MS_CONFIG,
          TRANSACTION_RETRY_BACKOFF_MS,
          FIXED,
          BACK_TO_BACK_TRANSACTIONS);
    }
    ConsumerTuning t = settings.profile().consumer();
    c.put(
        "consumer." + ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        t.maxPollRecords(),
        profile,
        "records per poll");
    c.put(
        "consumer." + ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        t.fetchMinBytes(),
        profile,
        "fetch batching");
    c.put(
        "consumer." + ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        t.fetchMaxWaitMs(),
        profile,
        "fetch wait");
    c.put(
        "consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        t.sessionTimeoutMs(),
        profile,
        "eviction");
    // Plain keys first, then producer.*, consumer.* and admin.*, then streams.*: a more specific
    // key wins whatever the order given, as it does in Kafka Streams itself, and streams.* names
    // this application alone (streams.producer.linger.ms over producer.linger.ms).
    for (KafkaOverride o : settings.overrides()) {
      if (o.scope() == Scope.ALL) {
        putForStreams(c, o);
      }
    }
    for (KafkaOverride o : settings.overrides()) {
      if (o.scope() != Scope.ALL && o.scope() != Scope.STREAMS) {
        c.put(o.scope().prefix() + o.key(), o.value(), o.source(), "user override");
      }
    }
    for (KafkaOverride o : settings.overrides()) {
      if (o.scope() == Scope.STREAMS) {
        putForStreams(c, o);
      }
    }
    return c;
  }

  private static void putForStreams(ClientConfig c, KafkaOverride o) {
    c.put(o.key(), o.value(), o.source(), "user override");
    // Streams lets a prefixed key win over a plain one: a plain override must replace the
    // profile's value for the inner clients too, or it would be shown in force and not be.
    for (String inner : new String[] {"producer.", "consumer."}) {
      if (c.get(inner + o.key()) != null) {
        c.put(inner + o.key(), o.value(), o.source(), "user override");
      }
    }
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
    c.put(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, OS_SOCKET_BUFFER, FIXED, SOCKET_BUFFERS);
    c.put(CommonClientConfigs.SEND_BUFFER_CONFIG, OS_SOCKET_BUFFER, FIXED, SOCKET_BUFFERS);
    return c;
  }

  /** The user's {@code commit.interval.ms} in force (plain or {@code streams.}), or null. */
  private KafkaOverride commitIntervalOverride() {
    KafkaOverride found = null;
    for (KafkaOverride o : plainThen(Scope.STREAMS)) {
      if (o.key().equals(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
        found = o;
      }
    }
    return found;
  }

  /**
   * The commit interval of an exactly_once_v2 application: the user's, else the profile's. A value
   * that is no number is left to Kafka Streams to refuse with its own message.
   */
  private long exactlyOnceCommitIntervalMs(KafkaOverride override) {
    long profile = settings.profile().exactlyOnceCommitIntervalMs();
    if (override == null) {
      return profile;
    }
    try {
      return Math.max(0, Long.parseLong(override.value()));
    } catch (NumberFormatException e) {
      return profile;
    }
  }

  /** The user's overrides for one kind of client, in the order they apply. */
  private ClientConfig overridden(ClientConfig c, Scope kind) {
    for (KafkaOverride o : plainThen(kind)) {
      c.put(o.key(), o.value(), o.source(), "user override");
    }
    return c;
  }

  /**
   * The overrides that reach every client, then those scoped to {@code kind}, each in the order
   * given: applied in this order, a scoped key wins over the same key given plain.
   */
  private List<KafkaOverride> plainThen(Scope kind) {
    List<KafkaOverride> ordered = new ArrayList<>();
    for (Scope pass : new Scope[] {Scope.ALL, kind}) {
      for (KafkaOverride o : settings.overrides()) {
        if (o.scope() == pass) {
          ordered.add(o);
        }
      }
    }
    return ordered;
  }

  private String profileSource() {
    return "profile " + settings.profile().cliName();
  }
}
