package io.streamsentinel.app;

import io.streamsentinel.analytics.AnalyticsService;
import io.streamsentinel.analytics.AnalyticsSettings;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.database.Database;
import io.streamsentinel.generator.GeneratorService;
import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.LabelFeed;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.CommittedRecords;
import io.streamsentinel.kafka.GroupInput;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.kafka.TopicOffsets;
import io.streamsentinel.monitoring.ProcessMetrics;
import io.streamsentinel.persistence.DecisionCount;
import io.streamsentinel.persistence.SinkService;
import io.streamsentinel.response.ResponderService;
import io.streamsentinel.response.ResponderSettings;
import io.streamsentinel.runtime.Await;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole system in one process, stage by stage in the order of the data flow: the detector,
 * responder, persistence sink and analytics start first, then the generator. On {@link #drain} the
 * generator stops first and each later stage, in flow order, gets up to a minute to commit
 * everything of its input; the summary then counts what the topics and the database hold.
 */
public final class DemoPipeline implements AutoCloseable {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DRAIN_CHECK = Duration.ofSeconds(1);

  private static final List<String> COUNTED_TOPICS =
      List.of(
          TopicCatalog.FRAUD_SCORES,
          TopicCatalog.FRAUD_ALERTS,
          TopicCatalog.USER_ACTIONS,
          TopicCatalog.TRANSACTIONS_DLQ,
          TopicCatalog.FRAUD_ALERTS_DLQ,
          TopicCatalog.PERSISTENCE_DLQ);
  private static final List<String> DLQ_TOPICS =
      List.of(
          TopicCatalog.TRANSACTIONS_DLQ,
          TopicCatalog.FRAUD_ALERTS_DLQ,
          TopicCatalog.PERSISTENCE_DLQ);

  /**
   * What the demo runs.
   *
   * @param kafka the cluster (the embedded broker, or the user's) and its catalog
   * @param generator the synthetic population
   * @param publish the generator's rate and bounds
   * @param detector the rules and thresholds of the detector
   * @param streams the detector's Kafka Streams settings, with its HTTP endpoint
   * @param responder the responder's instance and webhook
   * @param analytics the batch analytics' settings
   * @param principals each component's own configuration on a secure cluster (its Kafka user), by
   *     the names of {@link io.streamsentinel.kafka.ComponentAccess}; empty when every component
   *     uses {@code kafka}
   */
  public record Plan(
      KafkaConfig kafka,
      GeneratorSettings generator,
      PublishPlan publish,
      DetectorSettings detector,
      StreamsSettings streams,
      ResponderSettings responder,
      AnalyticsSettings analytics,
      Map<String, KafkaConfig> principals) {

    public Plan {
      principals = Map.copyOf(principals);
    }

    /** The clients of {@code component}: as its own user when it has one. */
    public ClientConfigFactory clients(String component) {
      return principals.getOrDefault(component, kafka).clients();
    }
  }

  private final Plan plan;
  private final Database database;
  private final ClientConfigFactory clients;
  private final Admin admin;
  private final Map<TopicPartition, Long> start;
  private final long rowsBefore;
  private final long startNanos = System.nanoTime();
  private final DetectorService detector;
  private final ResponderService responder;
  private volatile boolean closed;
  private final SinkService sink;
  private final AnalyticsService analytics;
  private final GeneratorService generator;
  private final DemoLearner learner;

  /**
   * Starts every stage; the caller keeps {@code database} and {@code metrics} open until this is
   * closed. When a stage fails to start, those already started are closed again.
   */
  public DemoPipeline(Plan plan, Database database, ProcessMetrics metrics)
      throws InterruptedException {
    this(plan, database, metrics, line -> {});
  }

  /**
   * As {@link #DemoPipeline(Plan, Database, ProcessMetrics)}, with the learning loop ({@link
   * DemoLearner}) telling {@code say} when it trains and promotes a model.
   */
  public DemoPipeline(Plan plan, Database database, ProcessMetrics metrics, Consumer<String> say)
      throws InterruptedException {
    this.plan = plan;
    this.database = database;
    this.clients = plan.clients("operator");
    this.admin = Admin.create(clients.admin(ClientCatalog.TOPICS).toProperties());
    Deque<AutoCloseable> started = new ArrayDeque<>(List.of(admin));
    try {
      this.start = TopicOffsets.endOffsets(admin, COUNTED_TOPICS);
      this.rowsBefore = DecisionCount.of(database);
      this.detector =
          started(
              started,
              new DetectorService(
                      plan.clients("detector").streams(plan.streams()),
                      plan.detector(),
                      metrics,
                      plan.clients("detector"))
                  .start());
      this.responder =
          started(
              started,
              new ResponderService(plan.clients("responder"), plan.responder(), metrics).start());
      this.sink = started(started, new SinkService(plan.clients("sink"), database, "demo").start());
      this.analytics =
          started(
              started,
              new AnalyticsService(plan.clients("analytics"), database, plan.analytics()).start());
      this.learner =
          started(started, new DemoLearner(clients, plan.detector().alertThreshold(), say).start());
      this.generator =
          new GeneratorService(
                  plan.clients("generator"),
                  plan.generator(),
                  new TransactionCodec(plan.kafka().limits()),
                  plan.publish(),
                  metrics,
                  LabelFeed.Policy.defaults())
              .start();
    } catch (RuntimeException | Error | InterruptedException e) {
      for (AutoCloseable stage : started) {
        try {
          stage.close();
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  /** Remembers a started stage, the latest first, so a failed start closes it again. */
  private static <T extends AutoCloseable> T started(Deque<AutoCloseable> started, T stage) {
    started.push(stage);
    return stage;
  }

  public GeneratorService generator() {
    return generator;
  }

  /** The learning loop, for its state. */
  public DemoLearner learner() {
    return learner;
  }

  public DetectorService detector() {
    return detector;
  }

  public ResponderService responder() {
    return responder;
  }

  public SinkService sink() {
    return sink;
  }

  /**
   * Stops the generator and waits, stage by stage in flow order, until each has committed all of
   * its input (or a minute passes).
   *
   * @param out a line each second while a stage catches up
   * @param err a line for a stage still behind after its minute
   */
  public void drain(Consumer<String> out, Consumer<String> err) throws InterruptedException {
    generator.close(); // the generator stops first; the detector drains what it sent
    drain("detector", detector::isAlive, detector.input(), out, err);
    drain("responder", responder::isRunning, responder.input(), out, err);
    drain("persistence", sink::isRunning, sink.input(), out, err);
    drain("analytics", analytics::isRunning, analytics.input(), out, err);
  }

  private void drain(
      String stage,
      BooleanSupplier alive,
      GroupInput input,
      Consumer<String> out,
      Consumer<String> err)
      throws InterruptedException {
    for (String topic : input.topics()) { // each input topic gets its own minute
      GroupInput one = GroupInput.of(input.group(), topic);
      long[] lag = {0};
      Await.until(
          () -> (lag[0] = one.lag(admin)) <= 0 || !alive.getAsBoolean(),
          DRAIN_TIMEOUT,
          DRAIN_CHECK,
          () -> out.accept(String.format("Draining: %s lag %,d", stage, lag[0])));
      if (lag[0] > 0) {
        err.accept(
            String.format(
                "demo: %s still %,d behind after draining; counts are partial", stage, lag[0]));
      }
    }
  }

  /** What the run did, read back from the output topics (read_committed) and the database. */
  public DemoSummary summarize() {
    // Elapsed and stored rows as of the end of the run, before the topics are read back.
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    long persisted = DecisionCount.of(database) - rowsBefore;
    Map<String, Long> actionsByType = new TreeMap<>();
    long actions =
        CommittedRecords.read(
            clients,
            TopicCatalog.USER_ACTIONS,
            start,
            r ->
                actionsByType.merge(
                    UserActionCodec.decode(r.value()).actionType().name(), 1L, Long::sum));
    long dlq = 0;
    for (String topic : DLQ_TOPICS) {
      dlq += CommittedRecords.count(clients, topic, start);
    }
    return new DemoSummary(
        generator.stats().acked(),
        generator.stats().failed(),
        generator.stats().fraudLabelled(),
        CommittedRecords.count(clients, TopicCatalog.FRAUD_SCORES, start),
        CommittedRecords.count(clients, TopicCatalog.FRAUD_ALERTS, start),
        actions,
        actionsByType,
        dlq,
        persisted,
        elapsed,
        plan.generator().seed(),
        plan.kafka().settings().bootstrapServers(),
        DemoSummary.NOT_BUILT);
  }

  /** Whether any stage stopped by an error. */
  public boolean failed() {
    return failure() != null;
  }

  /**
   * The first stage that stopped by an error, with its cause, or a consuming stage that stopped by
   * itself while the pipeline runs (each runs until closed, so that is an error too, cause or not);
   * null while all is well. Meant to be checked before {@link #close}.
   */
  public String failure() {
    String[] stages = {"generator", "detector", "responder", "persistence", "analytics"};
    Object[] causes = {
      generator.fatalError(),
      detector.failure(),
      responder.fatalError(),
      sink.fatalError(),
      analytics.fatalError()
    };
    boolean[] stopped = {
      false, !detector.isAlive(), !responder.isRunning(), !sink.isRunning(), !analytics.isRunning()
    };
    for (int i = 0; i < stages.length; i++) {
      if (causes[i] != null) {
        return stages[i] + ": " + causes[i];
      }
      if (stopped[i] && !closed) {
        return stages[i] + ": stopped by itself without a recorded cause (see the log)";
      }
    }
    return null;
  }

  /** Stops every stage, the last of the flow first. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    try (admin;
        detector;
        responder;
        sink;
        analytics;
        learner;
        generator) {
      // try-with-resources closes in reverse: generator, learner, analytics, sink, responder,
      // detector
    }
  }
}
