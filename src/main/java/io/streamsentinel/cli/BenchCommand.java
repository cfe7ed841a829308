package io.streamsentinel.cli;

import picocli.CommandLine.Command;

/**
 * {@code sentinel bench}: measured performance. Every scenario warms up once (but {@code detect
 * --cold}, which measures the cold start), then runs each of its variants K times (interleaved) and
 * reports median, min and max with the machine and the effective configuration; where it can, a
 * scenario measures Kafka's own ceiling (a raw client or a trivial stage) in the same invocation,
 * so its ratios survive a noisy machine.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks on a fresh embedded broker (or --bootstrap-servers). Each scenario warms up"
          + " (but 'detect --cold', where the cold start is the point), runs --runs times and reports median, min and max, the machine and the effective"
          + " configuration; --json FILE writes them.",
      "Micro-benchmarks (scoring, codecs, profile update) are JMH: see the README, Performance."
    },
    subcommands = {
      BenchProduceCommand.class,
      BenchDetectCommand.class,
      BenchE2eCommand.class,
      BenchScaleCommand.class,
      BenchPersistCommand.class,
      BenchStageCommand.class
    })
final class BenchCommand {}
