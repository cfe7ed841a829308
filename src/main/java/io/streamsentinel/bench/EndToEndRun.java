package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.codec.RuleSetCodec;
import io.streamsentinel.codec.TransactionCodec;
import io.streamsentinel.generator.PublishPlan;
import io.streamsentinel.generator.PublisherStats;
import io.streamsentinel.generator.TransactionPublisher;
import io.streamsentinel.generator.TransactionSimulator;
import io.streamsentinel.kafka.ClientCatalog;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.StreamsSettings.Guarantee;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.response.ResponderService;
import io.streamsentinel.response.ResponderSettings;
import io.streamsentinel.runtime.Await;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline under one guarantee for {@code bench e2e}: the generator at a steady rate into
 * the detector and the responder, with a {@link PipelineObserver} reading the outputs. Each round
 * sends N more transactions of the same simulation and returns that round's latencies. With the
 * pass-through in the detector's place ({@link Stage#PASS_THROUGH}) there are no alerts, so no
 * responder runs: what Kafka alone costs a record on its way, on the same machine.
 */
public final class EndToEndRun implements AutoCloseable {

  /**
   * The JIT's accumulated compile time: a round's share of it ({@code jit_ms}) shows how much of
   * the 2 cores the compiler took while the round was measured.
   */
  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration START_CHECK = Duration.ofMillis(20);
  private static final Duration OUTPUT_CHECK = Duration.ofMillis(10);

  private final BenchEnvironment env;
  private final TransactionSimulator simulator;
  private final TransactionCodec codec;
  private KafkaProducer<String, byte[]> producer;
  private String appId;

  /** The detector, or the pass-through in its place. */
  private StandaloneStage stage;

  private final DetectorLatency scored = new DetectorLatency();
  private ResponderService responder;
  private PipelineObserver observer;
  private CpuClock streamThreads;
  private long sent;

  public EndToEndRun(
      BenchEnvironment env,
      Guarantee guarantee,
      Stage kind,
      TransactionSimulator simulator,
      TransactionCodec codec)
      throws Exception {
    this.env = env;
    this.simulator = simulator;
    this.codec = codec;
    String appId = "bench-e2e-" + guarantee.config().replace('_', '-') + "-" + System.nanoTime();
    try {
      start(guarantee, kind, appId);
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  private void start(Guarantee guarantee, Stage kind, String appId) throws Exception {
    env.commitGroupAtEnd(appId, TopicCatalog.TRANSACTIONS); // only this run's input is read
    this.appId = appId;
    this.streamThreads = new CpuClock(appId);
    String outputs = kind.outputTopic();
    if (kind == Stage.PASS_THROUGH) {
      env.createLike(TopicCatalog.FRAUD_SCORES, outputs);
    }
    // Assigned before it starts, so that close() stops it when starting fails.
    this.observer =
        new PipelineObserver(
            env.clients().promptConsumer("bench-e2e-observer", appId + "-observer", "latest"),
            outputs);
    observer.start();
    this.producer =
        new KafkaProducer<>(env.clients().producer(ClientCatalog.GENERATOR).toProperties());
    StreamsSettings streams =
        new StreamsSettings(appId, guarantee, 1, env.stateDir(appId), DetectorSettings.DLQ_TOPIC);
    if (kind == Stage.PASS_THROUGH) {
      this.stage = StandaloneStage.PassThrough.start(env.clients(), streams);
    } else {
      DetectorService detector =
          new DetectorService(
              env.clients().streams(streams),
              DetectorSettings.defaults(RuleSetCodec.loadDefault()),
              scored.metrics());
      this.stage = StandaloneStage.of(detector);
      detector.start();
      this.responder =
          new ResponderService(
              env.clients(), new ResponderSettings("bench", null), ClientMetrics.none());
      responder.start();
    }
    awaitRunning(kind);
  }

  private void awaitRunning(Stage kind) throws InterruptedException {
    // Polling a state with no listener here; start-up takes seconds.
    Await.until(() -> isRunning() || !stage.isAlive(), START_TIMEOUT, START_CHECK);
    if (!isRunning()) {
      throw new IllegalStateException(
          kind.cliName() + " not running: " + stage.streams().state(), stage.failure());
    }
  }

  private boolean isRunning() {
    return stage.streams().state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Sends {@code records} transactions at {@code tps}, waits until every decision and the action of
   * every alert read so far are seen, and returns the round's figures.
   *
   * @throws CancellationException on Ctrl-C: the generator stops sending and the wait ends at once
   */
  public Map<String, Double> round(String name, double tps, long records)
      throws InterruptedException {
    long before = observer.decisions();
    PublisherStats stats = new PublisherStats();
    TransactionPublisher publisher =
        new TransactionPublisher(
            producer,
            simulator::next,
            codec::encode,
            new PublishPlan(TopicCatalog.TRANSACTIONS, tps, records, null),
            stats,
            System::nanoTime);
    long start = System.nanoTime();
    long compiling = COMPILER.getTotalCompilationTime();
    GcPauses pauses = GcPauses.now();
    Optional<TcpDrops> drops = TcpDrops.now();
    var stageMetrics = stage.streams().metrics(); // one snapshot for both figures below
    StreamThreadLoad load = StreamThreadLoad.now(stageMetrics, streamThreads);
    CommitTimes commits = CommitTimes.of(stageMetrics);
    DetectorLatency.Snapshot scoredBefore = scored.now();
    CpuByPart parts = parts(Thread.currentThread().getId()); // the publisher runs on this thread
    CpuByPart.Snapshot cpu = parts.now();
    try (ProgressTicker ticker =
        new ProgressTicker(
            name + " decisions", () -> observer.decisions() - before, records, env.out())) {
      publish(publisher);
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      if (publisher.fatalError() != null || stats.acked() != records) {
        throw new IllegalStateException(
            "generator acked " + stats.acked() + " of " + records, publisher.fatalError());
      }
      sent += records;
      awaitUntil(() -> observer.decisions() >= sent, DRAIN_TIMEOUT, "decisions");
      stageMetrics = stage.streams().metrics();
      Map<String, Double> stageLoad =
          load.until(StreamThreadLoad.now(stageMetrics, streamThreads), records);
      stageLoad.putAll(commits.until(CommitTimes.of(stageMetrics)));
      stageLoad.putAll(DetectorLatency.between(scoredBefore, scored.now()));
      Map<String, Double> cpuByPart = parts.between(cpu, parts.now());
      awaitUntil(() -> observer.actedAlerts() >= observer.alerts(), ACTION_TIMEOUT, "actions");
      Map<String, Double> figures = figures(records / sendSeconds);
      figures.put("jit_ms", (double) (COMPILER.getTotalCompilationTime() - compiling));
      figures.putAll(pauses.until(GcPauses.now()));
      drops.ifPresent(d -> TcpDrops.now().ifPresent(later -> figures.putAll(d.until(later))));
      figures.putAll(stageLoad);
      figures.putAll(cpuByPart);
      return figures;
    }
  }

  /**
   * The pipeline's parts by their threads: the detector's, or the pass-through's in its place (its
   * Streams application's; the detector follows no registry here), the generator's (its producer
   * and the thread that runs its loop, which also waits here for each round's output), the
   * responder's when one runs (its loop, its notifier and their clients) and the latency reader's.
   */
  private CpuByPart parts(long generatorThreadId) {
    List<CpuByPart.Part> parts = new ArrayList<>();
    parts.add(new CpuByPart.Part("detector", -1, List.of(appId)));
    parts.add(new CpuByPart.Part("generator", generatorThreadId, List.of(ClientCatalog.GENERATOR)));
    if (responder != null) { // none runs beside the pass-through: no figure rather than a 0
      parts.add(
          new CpuByPart.Part(
              "responder",
              -1,
              List.of(
                  ResponderService.THREAD,
                  ResponderService.NOTIFIER_THREAD,
                  ClientCatalog.RESPONDER_GROUP,
                  ClientCatalog.NOTIFICATION_GROUP)));
    }
    parts.add(new CpuByPart.Part("observer", -1, List.of(PipelineObserver.THREAD)));
    return new CpuByPart(parts);
  }

  /** Runs the generator's loop on this thread until its plan ends or Ctrl-C stops it. */
  private void publish(TransactionPublisher publisher) {
    Thread watch =
        new Thread(
            () -> {
              try {
                env.shutdown().awaitRequest();
                publisher.stop();
              } catch (InterruptedException e) {
                // the round has ended: nothing to stop
              }
            },
            "bench-e2e-stop");
    watch.setDaemon(true);
    watch.start();
    try {
      publisher.run();
    } finally {
      watch.interrupt();
    }
    stopIfRequested();
  }

  private void stopIfRequested() {
    if (env.shutdown().isRequested()) {
      throw new CancellationException("stopped by Ctrl-C");
    }
  }

  /**
   * Whether the responder has stopped; false when none runs (the pass-through writes no alerts).
   */
  private boolean responderStopped() {
    return responder != null && !responder.isRunning();
  }

  private void awaitUntil(BooleanSupplier done, Duration timeout, String what)
      throws InterruptedException {
    Await.until(
        () -> done.getAsBoolean() || !stage.isAlive() || responderStopped(),
        timeout,
        OUTPUT_CHECK,
        () -> {
          stopIfRequested();
          observer.checkHealthy();
        });
    if (!done.getAsBoolean()) {
      throw new IllegalStateException(
          String.format(
              "%s not complete within %s: sent %d, decisions %d, alerts %d, acted on %d,"
                  + " stage %s, responder %s",
              what,
              timeout,
              sent,
              observer.decisions(),
              observer.alerts(),
              observer.actedAlerts(),
              stage.streams().state(),
              responder == null ? "none" : responderStopped() ? "stopped" : "running"));
    }
  }

  private Map<String, Double> figures(double achievedTps) {
    Histogram decision = observer.takeDecisionLatency();
    Histogram action = observer.takeActionLatency();
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("decision_p50_ms", (double) decision.getValueAtPercentile(50));
    f.put("decision_p99_ms", (double) decision.getValueAtPercentile(99));
    f.put("decision_p999_ms", (double) decision.getValueAtPercentile(99.9));
    f.put("decision_max_ms", (double) decision.getMaxValue());
    if (action.getTotalCount() > 0) { // none without alerts: no figure rather than a 0
      f.put("action_p50_ms", (double) action.getValueAtPercentile(50));
      f.put("action_p99_ms", (double) action.getValueAtPercentile(99));
      f.put("action_p999_ms", (double) action.getValueAtPercentile(99.9));
      f.put("action_max_ms", (double) action.getMaxValue());
    }
    f.put("decisions", (double) decision.getTotalCount());
    f.put("alerts_acted_on", (double) action.getTotalCount());
    f.put("achieved_tps", achievedTps);
    return f;
  }

  @Override
  public void close() throws Exception {
    try {
      if (responder != null) {
        responder.close();
      }
    } finally {
      try {
        if (stage != null) {
          stage.close();
        }
      } finally {
        if (producer != null) {
          producer.close();
        }
        if (observer != null) {
          observer.close();
        }
      }
    }
  }
}
