package io.streamsentinel.cli;

import io.streamsentinel.generator.GeneratorSettings;
import io.streamsentinel.generator.World;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;

/** Options of the synthetic population, shared by {@code generate} and {@code demo}. */
public final class GeneratorOptions {

  @Option(
      names = "--users",
      paramLabel = "U",
      defaultValue = "10000",
      description = "Number of synthetic card holders (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--fraud-rate",
      paramLabel = "R",
      defaultValue = "0.01",
      description =
          "Fraction of events that are injected, labelled fraud (default: ${DEFAULT-VALUE}).")
  double fraudRate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Random seed (default: a new one, printed). The same --seed and --start give the same events.")
  Long seed;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description =
          "Start of simulated event time, e.g. 2026-01-01T00:00:00Z (default: now). Event time is simulated: users"
              + " behave like real card holders, so at thousands of events/s it runs ahead of the wall clock.")
  Instant start;

  @Option(
      names = "--world",
      paramLabel = "NAME",
      defaultValue = "default",
      converter = WorldOption.class,
      description = {
        "Which synthetic world to simulate (default: ${DEFAULT-VALUE}):",
        "  default: " + World.Summary.DEFAULT,
        "  harbor:  " + World.Summary.HARBOR,
        "  fjord:   " + World.Summary.FJORD,
        "  mesa:    " + World.Summary.MESA,
        "  savanna: " + World.Summary.SAVANNA,
        "  steppe:  " + World.Summary.STEPPE
      })
  World world;

  /**
   * The settings, with the defaults for seed and start filled in (so they can be printed and
   * repeated).
   */
  GeneratorSettings settings() {
    long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
    Instant chosenStart = start != null ? start : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new GeneratorSettings(chosenSeed, users, fraudRate, chosenStart, world);
  }
}
