package io.streamsentinel.cli;

import io.streamsentinel.bench.StandaloneStage;
import io.streamsentinel.bench.StreamsDrain.Stage;
import io.streamsentinel.config.KafkaConfig;
import io.streamsentinel.kafka.StreamsSettings;
import io.streamsentinel.monitoring.ProcessMetrics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinel bench stage} (hidden): one stage of {@code bench detect --cold} in the JVM that
 * command starts for it, until that command stops it (SIGTERM) or ends.
 */
@Command(
    name = "stage",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Internal, started by 'bench detect --cold': runs the detector (as 'detect' does) or the"
          + " pass-through stage under the given application id until stopped, or until the"
          + " process that started it ends."
    })
final class BenchStageCommand implements Callable<Integer> {

  private final CliContext context;
  @Mixin KafkaOptions kafka;
  @Mixin DetectorOptions detector;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "S",
      description = "detector or pass-through.")
  String stage;

  @Option(
      names = "--application-id",
      required = true,
      paramLabel = "ID",
      description = "The Kafka Streams application id: a new one for every run.")
  String applicationId;

  BenchStageCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Stage which = Stage.fromCli(stage);
    // A benchmark killed without a chance to stop its children must not leave them running.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(context.shutdown()::request));
    KafkaConfig config = kafka.config();
    StreamsSettings base = detector.streams();
    StreamsSettings streams =
        new StreamsSettings(
            applicationId,
            base.guarantee(),
            base.threads(),
            base.stateDir(),
            base.deadLetterTopic());
    context
        .out()
        .printf(
            "Stage %s, application %s at %s: %s, %d thread(s).%n",
            which,
            applicationId,
            config.settings().bootstrapServers(),
            streams.guarantee().config(),
            streams.threads());
    try (ProcessMetrics metrics = new ProcessMetrics();
        StandaloneStage running =
            StandaloneStage.start(
                which, config.clients(), streams, detector.settings(config.limits()), metrics)) {
      context.statusEverySecond(running::isAlive, () -> which + " running");
      if (context.stoppedUnexpectedly("bench stage", running.isAlive(), running.failure())) {
        return 1;
      }
    }
    context.out().println("Stage stopped.");
    return 0;
  }
}
