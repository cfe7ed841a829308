package io.streamsentinel.persistence;

import io.streamsentinel.database.Database;
import io.streamsentinel.kafka.DeadLetterSender;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence sink: consumer group {@code persistence-group} on decisions, alerts, actions,
 * account statuses and labels ({@code fraud-feedback}), writing each poll as one database
 * transaction, then committing the offsets. The order is the guarantee: nothing is committed before
 * it is stored (no loss), and storing is idempotent by natural id (no doubles after redelivery).
 *
 * <p>The work of one instance is pipelined ({@link WritePipeline}): while writer threads run the
 * database transactions of the batches in flight, the sink's own thread polls and decodes the next
 * batch and builds its COPY text. Without that the Java side and the PostgreSQL backend took turns
 * and neither core was busy. Offsets are committed from the sink's thread (a KafkaConsumer is
 * single-threaded), batch by batch in poll order, each only after its own and every earlier batch's
 * transaction committed.
 *
 * <p>When the database is unreachable the sink pauses its partitions and retries the same batch
 * ({@link DatabaseOutage}). A record the database refuses for what it is (not for being
 * unreachable) goes to {@code persistence-dlq} with the reason, as does a record that cannot be
 * decoded. A rebalance is handled by {@link SinkRebalanceListener}.
 */
public final class PersistenceSink implements Runnable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PersistenceSink.class);

  /** The topics the sink stores. */
  public static final List<String> TOPICS = SinkDecoder.TOPICS;

  private static final Duration POLL = Duration.ofMillis(200);

  /** While a batch is being written: short, so its offsets are committed soon after it is. */
  private static final Duration POLL_WHILE_WRITING = Duration.ofMillis(10);

  private final Consumer<String, byte[]> consumer;
  private final WritePipeline pipeline;
  private final SinkRebalanceListener rebalance;
  private final RetentionSchedule retention;
  private final SinkCounters counters;

  private volatile boolean stopping;
  private volatile Exception fatalError;

  public PersistenceSink(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> dlqProducer,
      Database database,
      SinkCounters counters,
      Clock clock) {
    this(
        consumer,
        dlqProducer,
        WritePipeline.writersFor(database),
        database.settings().decisionRetention(),
        counters,
        clock);
  }

  /**
   * A sink that stores through the given stores, one per writer thread: tests pass stores that fail
   * or wait on cue.
   */
  PersistenceSink(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> dlqProducer,
      List<? extends BatchStore> stores,
      Duration retention,
      SinkCounters counters,
      Clock clock) {
    this.consumer = consumer;
    this.counters = counters;
    DeadLetterSender deadLetters =
        new DeadLetterSender(dlqProducer, TopicCatalog.PERSISTENCE_DLQ, "persistence", clock);
    BatchCommitter committer = new BatchCommitter(consumer, deadLetters, counters);
    DatabaseOutage outage = new DatabaseOutage(consumer, counters);
    this.pipeline = new WritePipeline(stores, committer, outage, () -> stopping);
    this.rebalance = new SinkRebalanceListener(pipeline, committer, outage);
    this.retention = new RetentionSchedule(retention, outage, clock);
  }

  @Override
  public void run() {
    consumer.subscribe(TOPICS, rebalance);
    try {
      while (!stopping) {
        if (!pipeline.hasQueued()) {
          pipeline.queue(poll(pipeline.isIdle() ? POLL : POLL_WHILE_WRITING));
        }
        pipeline.settleWhenDue();
        BatchStore free = pipeline.freeWriter();
        if (free != null) {
          retention.applyWhenDue(free);
          pipeline.startQueued(free);
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        fatalError = e;
      }
    } catch (RuntimeException e) {
      log.error("persistence sink stopped by an error", e);
      fatalError = e;
    } finally {
      pipeline.close();
      consumer.close();
      log.info("persistence sink stopped");
    }
  }

  /** The next batch, decoded; null when the poll returned nothing. */
  private PolledBatch poll(Duration timeout) {
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    return records.isEmpty() ? null : PolledBatch.decode(records, consumer);
  }

  /** The error that stopped the sink, or null. */
  public Exception fatalError() {
    return fatalError;
  }

  public SinkCounters counters() {
    return counters;
  }

  /**
   * Asks the loop to stop after the batch in hand; safe from any thread. A write the database does
   * not answer is not waited for to the end (see {@link WritePipeline#close}).
   */
  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
  }
}
