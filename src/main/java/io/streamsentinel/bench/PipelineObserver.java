package io.streamsentinel.bench;

import io.streamsentinel.codec.AlertCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Watches the pipeline's outputs as a downstream reader would ({@code read_committed}, so under
 * exactly-once a decision counts only once its transaction is committed) and records two latencies
 * in milliseconds:
 *
 * <ul>
 *   <li>event → decision: when this reader receives a {@code fraud-scores} record, minus that
 *       record's timestamp, which the detector copies from its input: the generator's producer
 *       stamped it at {@code send()} (CreateTime). With the pass-through in the detector's place
 *       ({@code bench e2e --stage pass-through}), a record of its output topic instead;
 *   <li>alert → action: when this reader receives the first {@code user-actions} record of an alert
 *       minus when it received the alert from {@code fraud-alerts} (both clocks are this reader's;
 *       an action read before its alert counts 0).
 * </ul>
 *
 * Both include this reader's own fetch delay (fetch.max.wait.ms 10, fetch.min.bytes 1). It starts
 * at the end of the three topics, so only what happens after {@link #start()} is measured.
 */
public final class PipelineObserver implements AutoCloseable {

  /** The name of the thread that reads the outputs. */
  static final String THREAD = "bench-pipeline-observer";

  private static final long MAX_TRACKED_MS = TimeUnit.MINUTES.toMillis(10);
  private static final Duration POLL = Duration.ofMillis(5);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SingleWriterRecorder decisionLatency = new SingleWriterRecorder(MAX_TRACKED_MS, 3);
  private final SingleWriterRecorder actionLatency = new SingleWriterRecorder(MAX_TRACKED_MS, 3);
  private final LongAdder decisions = new LongAdder();
  private final LongAdder alerts = new LongAdder();
  private final LongAdder actedAlerts = new LongAdder();
  private final Map<String, Long> alertSeenAt = new HashMap<>();
  private final Map<String, Long> actionSeenFirst = new HashMap<>();
  private final String decisionsTopic;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  /**
   * @param readCommitted a {@code read_committed} consumer configuration; the fetch settings are
   *     lowered here so this reader adds little delay of its own
   * @param decisionsTopic the topic of the stage's outputs: {@code fraud-scores}, or the
   *     pass-through's
   */
  public PipelineObserver(ClientConfig readCommitted, String decisionsTopic) {
    this.decisionsTopic = decisionsTopic;
    Properties props = new Properties();
    props.putAll(readCommitted.toProperties());
    props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1"); // see each record at once
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"); // bounds this reader's own delay
    this.consumer = new KafkaConsumer<>(props);
    this.thread = new Thread(this::observe, THREAD);
    thread.setDaemon(true);
  }

  /** Assigns every partition of the three topics at their end, then starts reading. */
  public PipelineObserver start() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic :
        List.of(decisionsTopic, TopicCatalog.FRAUD_ALERTS, TopicCatalog.USER_ACTIONS)) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before any input is sent
    thread.start();
    return this;
  }

  private void observe() {
    try {
      while (!stopped) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
          String topic = record.topic();
          if (topic.equals(decisionsTopic)) {
            decisionLatency.recordValue(clamp(now - record.timestamp()));
            decisions.increment();
          } else if (topic.equals(TopicCatalog.FRAUD_ALERTS)) {
            alertSeen(AlertCodec.decode(record.value()).alertId(), now);
          } else if (topic.equals(TopicCatalog.USER_ACTIONS)) {
            actionSeen(UserActionCodec.decode(record.value()).alertId(), now);
          } else {
            throw new IllegalStateException("unexpected topic " + topic);
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke the poll up
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  private void alertSeen(String alertId, long now) {
    alerts.increment();
    Long actedAt = actionSeenFirst.remove(alertId);
    if (actedAt != null) {
      actionLatency.recordValue(0); // the action was read first: the responder beat this reader
      actedAlerts.increment();
    } else {
      alertSeenAt.putIfAbsent(alertId, now);
    }
  }

  private void actionSeen(String alertId, long now) {
    if (alertId == null) {
      return; // an operator's action, not the responder's
    }
    Long alertAt = alertSeenAt.remove(alertId);
    if (alertAt != null) {
      actionLatency.recordValue(clamp(now - alertAt));
      actedAlerts.increment();
    } else if (!actionSeenFirst.containsKey(alertId)) {
      actionSeenFirst.put(alertId, now);
    }
  }

  private static long clamp(long millis) {
    return Math.max(0, Math.min(MAX_TRACKED_MS, millis));
  }

  /** Decisions read so far. */
  public long decisions() {
    return decisions.sum();
  }

  /** Alerts read so far. */
  public long alerts() {
    return alerts.sum();
  }

  /** Alerts whose first action was read so far. */
  public long actedAlerts() {
    return actedAlerts.sum();
  }

  /** The event → decision latencies (ms) recorded since the previous call. */
  public Histogram takeDecisionLatency() {
    return decisionLatency.getIntervalHistogram();
  }

  /** The alert → action latencies (ms) recorded since the previous call. */
  public Histogram takeActionLatency() {
    return actionLatency.getIntervalHistogram();
  }

  /**
   * @throws IllegalStateException when reading failed (an undecodable output record)
   */
  public void checkHealthy() {
    if (failure != null) {
      throw new IllegalStateException("pipeline observer failed", failure);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    if (!thread.isAlive()) {
      if (thread.getState() == Thread.State.NEW) {
        consumer.close(); // never started: the reading thread cannot close it
      }
      return;
    }
    consumer.wakeup();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
