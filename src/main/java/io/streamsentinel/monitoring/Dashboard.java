package io.streamsentinel.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamsentinel.codec.DecisionCodec;
import io.streamsentinel.codec.DecisionDocument;
import io.streamsentinel.codec.DecisionDocumentReader;
import io.streamsentinel.codec.Json;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.registry.ChampionWatcher;
import io.streamsentinel.registry.ModelVersion;
import io.streamsentinel.runtime.Await;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard's data: a group-less {@code read_committed} consumer tails the transactions,
 * decisions, alerts and actions topics from their end (the last few alerts and actions are read
 * back so the feeds are not empty at start), and once a second a snapshot is taken and handed to
 * the subscribers (the page's server-sent events). Lag is read with the Admin API every few
 * seconds. Being a reader of the topics, not a member of any group, it sees the whole cluster's
 * traffic whichever process runs it, and takes nothing from the stages.
 */
public final class Dashboard implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

  /** The topics tailed; transactions are only counted. */
  static final List<String> TOPICS =
      List.of(
          TopicCatalog.TRANSACTIONS,
          TopicCatalog.FRAUD_SCORES,
          TopicCatalog.FRAUD_ALERTS,
          TopicCatalog.USER_ACTIONS);

  /** Records per partition of the alert and action topics read back at start for the feeds. */
  private static final int BACKFILL = 10;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration LAG_INTERVAL = Duration.ofSeconds(3);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = Json.mapper();

  private final DashboardState state = new DashboardState();
  private final KafkaConsumer<String, byte[]> consumer;
  private final LagReport lagReport;
  private final Supplier<HealthStatus> health;
  private final Clock clock;
  private final List<Consumer<DashboardSnapshot>> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "dashboard-sampler");
            t.setDaemon(true);
            return t;
          });
  private final Thread tail;
  private final Map<TopicPartition, Long> startEnds = new HashMap<>();
  private volatile List<PartitionLag> lag = List.of();
  private volatile DashboardSnapshot latest;
  private final ChampionWatcher models;
  private final Supplier<DriftReport> drift;
  private volatile boolean running = true;

  /**
   * A dashboard in a process without a detector.
   *
   * @param admin for lag; owned by the caller
   * @param health the component's latest health, or null for none
   */
  public Dashboard(
      ClientConfigFactory clients, Admin admin, Supplier<HealthStatus> health, Clock clock) {
    this(clients, admin, health, null, clock);
  }

  /**
   * @param admin for lag; owned by the caller
   * @param health the component's latest health, or null for none
   * @param drift the champion's drift as the process's detector sees it, or null for none
   */
  public Dashboard(
      ClientConfigFactory clients,
      Admin admin,
      Supplier<HealthStatus> health,
      Supplier<DriftReport> drift,
      Clock clock) {
    this.drift = drift;
    this.consumer = CommittedRecords.reader(clients, ClientCatalog.DASHBOARD);
    // Its own follower of the registry, with meters of its own: the process's model gauge belongs
    // to the detector's.
    this.models = new ChampionWatcher(clients, new SimpleMeterRegistry());
    this.lagReport = new LagReport(admin);
    this.health = health;
    this.clock = clock;
    this.latest = state.snapshot(clock.instant(), List.of(), describeHealth());
    this.tail = new Thread(this::tailLoop, "dashboard-tail");
    tail.setDaemon(true);
  }

  private DashboardSnapshot.ModelInfo modelInfo() {
    ModelVersion v = models.champion();
    return v == null
        ? null
        : new DashboardSnapshot.ModelInfo(
            v.version(),
            v.statusChangedAt(),
            v.trainedFrom(),
            v.trainedUntil(),
            v.labelCounts(),
            v.holdout());
  }

  private DashboardSnapshot.DriftInfo driftInfo() {
    if (drift == null) {
      return null;
    }
    HealthStatus status = health == null ? null : health.get();
    double limit =
        status == null
            ? HealthThresholds.DEFAULT_MAX_PSI
            : status.result(HealthRule.MODEL_DRIFT).threshold();
    return DashboardSnapshot.DriftInfo.of(drift.get(), limit);
  }

  /** Starts tailing and sampling. */
  public Dashboard start() {
    models.start();
    tail.start();
    // Fixed delay: after a slow tick the next one is a second later, not a burst of catch-up ticks
    // whose rates would be taken over a millisecond.
    scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        this::refreshLag, 0, LAG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The latest snapshot (taken at most a second ago). */
  public DashboardSnapshot latest() {
    return latest;
  }

  /** Called with every new snapshot, once a second, on the sampler thread. */
  public void subscribe(Consumer<DashboardSnapshot> subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Consumer<DashboardSnapshot> subscriber) {
    subscribers.remove(subscriber);
  }

  private void tick() {
    try {
      state.sample(clock.instant(), System.nanoTime());
      DashboardSnapshot snapshot =
          state
              .snapshot(clock.instant(), lag, describeHealth())
              .withModel(modelInfo())
              .withDrift(driftInfo());
      latest = snapshot;
      for (Consumer<DashboardSnapshot> subscriber : subscribers) {
        try {
          subscriber.accept(snapshot);
        } catch (RuntimeException e) {
          log.warn("A dashboard subscriber failed; the others still get the snapshot", e);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Dashboard snapshot failed; trying again in a second", e);
    }
  }

  private void refreshLag() {
    try {
      lag = lagReport.describe(lagReport.groups(false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.debug("Dashboard could not read lag; keeping the last figures", e);
    }
  }

  private Map<String, Object> describeHealth() {
    HealthStatus status = health == null ? null : health.get();
    return status == null ? null : status.describe();
  }

  private void tailLoop() {
    try {
      // The cluster may not answer yet; the page shows zeros. No deadline: close() ends the wait.
      Await.indefinitely(() -> !running || assignedFromEnd(), RETRY);
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          fold(r);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("Dashboard stopped reading the topics", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  /** Assigns every partition of the tailed topics from their end; false when the cluster failed. */
  private boolean assignedFromEnd() {
    try {
      assignFromEnd();
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("Dashboard cannot read the topics yet ({}); trying again", e.toString());
      return false;
    }
  }

  private void assignFromEnd() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : TOPICS) {
      for (PartitionInfo p : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
    startEnds.putAll(ends);
    for (TopicPartition tp : partitions) {
      boolean feed =
          tp.topic().equals(TopicCatalog.FRAUD_ALERTS)
              || tp.topic().equals(TopicCatalog.USER_ACTIONS);
      long end = ends.get(tp);
      consumer.seek(tp, feed ? Math.max(begins.get(tp), end - BACKFILL) : end);
    }
  }

  private void fold(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return;
    }
    boolean counted = r.offset() >= startEnds.getOrDefault(topicPartition(r), 0L);
    try {
      switch (r.topic()) {
        case TopicCatalog.TRANSACTIONS -> state.transaction();
        case TopicCatalog.FRAUD_SCORES ->
            state.decision(DecisionCodec.decodeSummary(r.value()).score());
        case TopicCatalog.FRAUD_ALERTS -> state.alert(alertItem(r.value()), counted);
        case TopicCatalog.USER_ACTIONS -> state.action(actionItem(r.value()), counted);
        default -> {}
      }
    } catch (RuntimeException e) {
      state.unreadable();
      log.debug(
          "Dashboard skipped an unreadable record at {}-{}@{}",
          r.topic(),
          r.partition(),
          r.offset(),
          e);
    }
  }

  private static TopicPartition topicPartition(ConsumerRecord<?, ?> r) {
    return new TopicPartition(r.topic(), r.partition());
  }

  static DashboardSnapshot.AlertItem alertItem(byte[] value) {
    DecisionDocument d = DecisionDocumentReader.read(value);
    return new DashboardSnapshot.AlertItem(
        d.eventTime(),
        d.alertId(),
        d.transactionId(),
        d.userId(),
        d.score(),
        d.severity().name(),
        d.amount(),
        d.currency(),
        d.merchant(),
        d.country(),
        d.city(),
        reasons(d.reasonsJson()));
  }

  private static List<DashboardSnapshot.Reason> reasons(String json) {
    try {
      List<DashboardSnapshot.Reason> reasons = new ArrayList<>();
      for (JsonNode reason : JSON.readTree(json)) {
        reasons.add(
            new DashboardSnapshot.Reason(
                reason.path("code").asText(),
                reason.path("detail").asText(),
                reason.path("source").asText("rule")));
      }
      return reasons;
    } catch (IOException e) {
      throw new IllegalArgumentException("reasons are not JSON", e);
    }
  }

  static DashboardSnapshot.ActionItem actionItem(byte[] value) {
    UserAction a = UserActionCodec.decode(value);
    return new DashboardSnapshot.ActionItem(
        a.decidedAt(),
        a.userId(),
        a.actionType().wireName(),
        a.severity() == null ? null : a.severity().name(),
        a.reasons(),
        a.actor(),
        a.note());
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
    models.close();
    if (!tail.isAlive()) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))); // never started
      return;
    }
    consumer.wakeup();
    try {
      tail.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
