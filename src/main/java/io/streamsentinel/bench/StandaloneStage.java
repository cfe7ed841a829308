package io.streamsentinel.bench;

import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.kafka.ClientConfigFactory;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.kafka.TopicCatalog;
import io.streamsentinel.streaming.DetectorService;
import io.streamsentinel.streaming.DetectorSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * One stage in a {@link KafkaStreams} of its own, running until it is closed: the detector ({@link
 * DetectorService}; in {@code bench detect --cold} exactly as {@code sentinel detect} builds it,
 * following the model and rule registries), or the pass-through baseline ({@link
 * PassThroughTopology}), as {@code bench detect --cold}'s child process and {@code bench e2e} run
 * them.
 */
public interface StandaloneStage extends AutoCloseable {

  /** Whether it is processing or (re)balancing. */
  boolean isAlive();

  /** Its Streams application: state and metrics. */
  KafkaStreams streams();

  /** What stopped it, or null. */
  Throwable failure();

  @Override
  void close();

  /**
   * Starts a stage.
   *
   * @param streams its application id, guarantee, threads and state directory
   * @param detector the detector's settings (ignored by the pass-through)
   */
  static StandaloneStage start(
      Stage stage,
      ClientConfigFactory clients,
      StreamsSettings streams,
      DetectorSettings detector,
      ClientMetrics metrics) {
    if (stage == Stage.DETECTOR) {
      return of(new DetectorService(clients.streams(streams), detector, metrics, clients).start());
    }
    return PassThrough.start(clients, streams);
  }

  /** A started detector as a stage. */
  static StandaloneStage of(DetectorService service) {
    return new StandaloneStage() {
      @Override
      public boolean isAlive() {
        return service.isAlive();
      }

      @Override
      public KafkaStreams streams() {
        return service.streams();
      }

      @Override
      public Throwable failure() {
        return service.failure();
      }

      @Override
      public void close() {
        service.close();
      }
    };
  }

  /** The pass-through topology in a {@link KafkaStreams} of its own. */
  final class PassThrough implements StandaloneStage {
    private final KafkaStreams streams;
    private volatile Throwable failure;

    private PassThrough(KafkaStreams streams) {
      this.streams = streams;
    }

    static PassThrough start(ClientConfigFactory clients, StreamsSettings settings) {
      // No dead-letter topic, as in bench detect: the pass-through decodes nothing.
      StreamsSettings plain =
          new StreamsSettings(
              settings.applicationId(),
              settings.guarantee(),
              settings.threads(),
              settings.stateDir(),
              null);
      Properties props = new Properties();
      props.putAll(clients.streams(plain).toProperties());
      PassThrough stage =
          new PassThrough(
              new KafkaStreams(
                  PassThroughTopology.build(
                      TopicCatalog.TRANSACTIONS, StreamsDrain.PASS_THROUGH_OUTPUT, new LongAdder()),
                  props));
      try {
        stage.streams.setUncaughtExceptionHandler(
            e -> {
              stage.failure = e;
              return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
        stage.streams.start();
      } catch (RuntimeException e) {
        stage.close(); // its clients and state directory lock, which nobody else would release
        throw e;
      }
      return stage;
    }

    @Override
    public boolean isAlive() {
      return streams.state().isRunningOrRebalancing()
          || streams.state() == KafkaStreams.State.CREATED;
    }

    @Override
    public KafkaStreams streams() {
      return streams;
    }

    @Override
    public Throwable failure() {
      return failure;
    }

    @Override
    public void close() {
      streams.close(
          CloseOptions.timeout(Duration.ofSeconds(30))
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }
}
