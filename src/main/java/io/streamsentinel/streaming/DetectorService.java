package io.streamsentinel.streaming;

import io.streamsentinel.kafka.ClientConfig;
import io.streamsentinel.kafka.ClientMetrics;
import io.streamsentinel.kafka.GroupInput;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector as a running Kafka Streams application. Several instances with the same application
 * id share the input partitions through Kafka's own group rebalancing; nothing here coordinates
 * them.
 */
public final class DetectorService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DetectorService.class);

  private final KafkaStreams streams;
  private final DetectorCounters counters;
  private final GroupInput input;
  private final ClientMetrics.Binding clientMetrics;
  private volatile Throwable failure;

  /** A detector whose metrics no registry exports. */
  public DetectorService(ClientConfig streamsConfig, DetectorSettings settings) {
    this(streamsConfig, settings, ClientMetrics.none());
  }

  /**
   * A detector whose counters and Kafka Streams metrics are meters of {@code metrics}.
   *
   * @param metrics the process's metrics, or {@link ClientMetrics#none()}
   */
  public DetectorService(
      ClientConfig streamsConfig, DetectorSettings settings, ClientMetrics metrics) {
    this.counters = new DetectorCounters(metrics.registry());
    Topology topology = FraudTopology.build(settings, counters);
    log.info("Detection topology (rules {}):\n{}", settings.rules().version(), topology.describe());
    Properties props = new Properties();
    props.putAll(streamsConfig.toProperties());
    this.input =
        GroupInput.of(
            props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), DetectorSettings.INPUT_TOPIC);
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          // Bad input never gets here (it goes to the DLQ); what does is a bug or a broken cluster.
          log.error("Detector failed; shutting it down", e);
          failure = e;
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    this.clientMetrics = metrics.bind(streams);
  }

  public DetectorService start() {
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Whether it is processing or (re)balancing, as opposed to stopped or failed. */
  public boolean isAlive() {
    return streams.state().isRunningOrRebalancing()
        || streams.state() == KafkaStreams.State.CREATED;
  }

  /** Its group (the application id) and input, for lag and draining. */
  public GroupInput input() {
    return input;
  }

  /** The error that stopped it, or null. */
  public Throwable failure() {
    return failure;
  }

  public DetectorCounters counters() {
    return counters;
  }

  /** The underlying client, for interactive queries and metrics. */
  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Stops processing, committing what was processed; leaves the group so partitions move at once.
   */
  @Override
  public void close() {
    boolean closed =
        streams.close(
            CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    log.info("Detector {}", closed ? "stopped" : "did not stop within 30 s");
    clientMetrics.close();
  }
}
