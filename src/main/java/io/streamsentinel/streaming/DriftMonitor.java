package io.streamsentinel.streaming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.streamsentinel.detection.Decision;
import io.streamsentinel.detection.ModelInputs;
import io.streamsentinel.detection.ScoringModel;
import io.streamsentinel.detection.drift.DriftLayout;
import io.streamsentinel.detection.drift.DriftReport;
import io.streamsentinel.detection.drift.DriftSettings;
import io.streamsentinel.detection.drift.DriftWindow;
import io.streamsentinel.registry.ModelVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The champion model's drift in this detector: every stream task counts its decisions' model inputs
 * and score into a live {@link DriftWindow} of its own, and readers add the windows up and compare
 * them with the champion's training reference (PSI). The gauges {@code sentinel.feature.psi}
 * (tagged {@code feature}) and {@code sentinel.score.psi} read it, and so do the health rule and
 * the dashboard. A new champion starts new windows; a champion without a reference (trained before
 * drift was measured) is not measured.
 *
 * <p>Each instance sees the partitions it processes: with several detector instances, each judges
 * its own share of the traffic, a random sample of users.
 */
public final class DriftMonitor {

  private static final Logger log = LoggerFactory.getLogger(DriftMonitor.class);

  /** A report is computed at most this often; the gauges of one scrape share one. */
  private static final Duration REFRESH = Duration.ofSeconds(1);

  private final Supplier<ModelVersion> champion;
  private final DriftSettings settings;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final boolean enabled;
  private final Set<String> gauged = new HashSet<>();
  private volatile Generation generation;
  private DriftReport cached;
  private long cachedAt = Long.MIN_VALUE;

  /** The windows of one champion. */
  private record Generation(
      ScoringModel model,
      String version,
      DriftLayout layout,
      Instant since,
      List<DriftWindow> windows) {}

  /**
   * @param champion the champion in force as registered, or null; read when the model in force
   *     changes and on every report
   * @param metrics where the PSI gauges go
   * @param clock the wall clock the windows are read at; the stream threads count at the record
   *     context's wall-clock time, the same clock in a running detector
   */
  public DriftMonitor(
      Supplier<ModelVersion> champion, DriftSettings settings, MeterRegistry metrics, Clock clock) {
    this(champion, settings, metrics, clock, true);
  }

  private DriftMonitor(
      Supplier<ModelVersion> champion,
      DriftSettings settings,
      MeterRegistry metrics,
      Clock clock,
      boolean enabled) {
    this.champion = champion;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.enabled = enabled;
    Gauge.builder("sentinel.score.psi", this, m -> m.report().scorePsi())
        .description(
            "PSI of the champion model's score, live window against its training rows; NaN while"
                + " not measured")
        .register(metrics);
    Gauge.builder("sentinel.drift.decisions", this, m -> m.report().decisions())
        .description("Decisions in the live drift window of the champion model")
        .register(metrics);
  }

  /** A monitor that measures nothing: for a detector without a model registry. */
  public static DriftMonitor disabled() {
    return new DriftMonitor(
        () -> null,
        DriftSettings.defaults(),
        new CompositeMeterRegistry(), // with no registry added, its gauges go nowhere
        Clock.systemUTC(),
        false);
  }

  public DriftSettings settings() {
    return settings;
  }

  /** A recorder for one stream task; only that task's thread may use it. */
  Recorder recorder() {
    return new Recorder();
  }

  /**
   * The drift now, computed at most once a second.
   *
   * @return never null
   */
  public synchronized DriftReport report() {
    long now = clock.millis();
    if (cached == null || now - cachedAt >= REFRESH.toMillis() || now < cachedAt) {
      cached = compute(now);
      cachedAt = now;
    }
    return cached;
  }

  private DriftReport compute(long now) {
    ModelVersion inForce = champion.get();
    if (inForce == null) {
      return DriftReport.noChampion(settings);
    }
    if (inForce.reference() == null) {
      return DriftReport.noReference(inForce.version(), settings);
    }
    Generation g = generation;
    if (g == null || !g.version().equals(inForce.version())) {
      return DriftReport.collecting(inForce.version(), 0, settings, null); // not scored with yet
    }
    if (g.layout() == null) {
      return DriftReport.noReference(g.version(), settings);
    }
    long[] totals = null;
    for (DriftWindow w : g.windows()) {
      if (totals == null) {
        totals = w.newTotals();
      }
      w.addTo(totals, now);
    }
    if (totals == null) {
      return DriftReport.collecting(g.version(), 0, settings, g.since());
    }
    return g.layout().report(g.version(), totals, settings, g.since());
  }

  /**
   * The generation of {@code model}, started when it is the registered champion; null while the
   * registry's champion is not (yet) the model the stream scores with. Stream threads, rarely.
   */
  private synchronized Generation generationOf(ScoringModel model) {
    Generation g = generation;
    if (g != null && g.model() == model) {
      return g;
    }
    ModelVersion inForce = champion.get();
    if (inForce == null || !inForce.version().equals(model.version())) {
      return null;
    }
    DriftLayout layout =
        inForce.reference() == null
            ? null
            : DriftLayout.of(model.inputs().names(), inForce.reference());
    g =
        new Generation(
            model, model.version(), layout, clock.instant(), new CopyOnWriteArrayList<>());
    generation = g;
    if (layout == null) {
      log.info(
          "Model {} has no drift reference (trained before drift was measured); its drift is not"
              + " measured",
          model.version());
    } else {
      log.info(
          "Drift of model {} measured over the last {} of decisions, {} inputs judged ({} not)",
          model.version(),
          settings.window(),
          layout.names().size() - 1,
          layout.unjudged());
      gauge(layout.names());
    }
    return g;
  }

  /** Registers a PSI gauge per judged input not gauged before; a gauge stays, NaN once unused. */
  private void gauge(List<String> names) {
    for (String name : names) {
      if (!name.equals(DriftLayout.SCORE) && gauged.add(name)) {
        Gauge.builder("sentinel.feature.psi", this, m -> m.report().psiOf(name))
            .tag("feature", name)
            .description(
                "PSI of a model input, live window against the champion's training rows; NaN while"
                    + " not measured")
            .register(metrics);
      }
    }
  }

  /**
   * Counts one stream task's decisions. Not thread-safe: a task is processed by one thread at a
   * time.
   */
  final class Recorder {
    private final double[] row = new double[ModelInputs.MAX_SIZE];
    private Generation generation;
    private DriftWindow window;

    /**
     * Counts a decision the champion {@code model} scored; no allocation once the model's window
     * exists.
     *
     * @param model the model in force for this decision; null while the rules score alone
     * @param nowMillis the wall-clock time
     */
    void record(ScoringModel model, Decision decision, long nowMillis) {
      if (model == null || !enabled) {
        return;
      }
      Generation g = generation;
      if (g == null || g.model() != model) {
        g = DriftMonitor.this.generation;
        if (g == null || g.model() != model) {
          g = generationOf(model);
          if (g == null) {
            return;
          }
        }
        start(g);
      }
      if (window == null) {
        return;
      }
      model.inputs().fill(decision.features(), decision.eventTime(), row);
      Double score = decision.modelScore();
      window.record(row, score == null ? Double.NaN : score, nowMillis);
    }

    private void start(Generation g) {
      close();
      generation = g;
      if (g.layout() != null) {
        window = new DriftWindow(g.layout(), settings);
        g.windows().add(window);
      }
    }

    /** Stops counting: the task moved or closed, and its window leaves the sum. */
    void close() {
      if (generation != null && window != null) {
        generation.windows().remove(window);
      }
      generation = null;
      window = null;
    }
  }
}
