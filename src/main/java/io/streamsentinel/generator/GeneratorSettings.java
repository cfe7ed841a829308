package io.streamsentinel.generator;

import java.time.Instant;

/**
 * What the transaction simulator needs to reproduce a stream. Nothing is null. The same settings
 * always give the same sequence of events.
 *
 * @param seed seeds every random choice (users, timing, amounts, fraud)
 * @param users number of synthetic users, at least 1
 * @param fraudRate target fraction of all events that are labelled fraud, within [0, 0.5]
 * @param start the simulated clock's reading before the first event
 * @param world which world to simulate; {@link World#DEFAULT} unless told otherwise
 */
public record GeneratorSettings(
    long seed, int users, double fraudRate, Instant start, World world) {

  public static final int DEFAULT_USERS = 10_000;
  public static final double DEFAULT_FRAUD_RATE = 0.01;
  public static final double MAX_FRAUD_RATE = 0.5;

  /** A fixed default start, never "now": a run must not depend on when it was started. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  public GeneratorSettings {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1 but was " + users);
    }
    if (!(fraudRate >= 0.0 && fraudRate <= MAX_FRAUD_RATE)) {
      throw new IllegalArgumentException(
          "fraudRate must be within [0, " + MAX_FRAUD_RATE + "] but was " + fraudRate);
    }
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    if (world == null) {
      throw new IllegalArgumentException("world must not be null");
    }
  }

  /** Settings of the {@link World#DEFAULT} world. */
  public GeneratorSettings(long seed, int users, double fraudRate, Instant start) {
    this(seed, users, fraudRate, start, World.DEFAULT);
  }

  /**
   * The defaults (10,000 users, 1 % fraud, {@link #DEFAULT_START}, the default world) with the
   * given seed.
   */
  public static GeneratorSettings withSeed(long seed) {
    return new GeneratorSettings(seed, DEFAULT_USERS, DEFAULT_FRAUD_RATE, DEFAULT_START);
  }

  public GeneratorSettings withUsers(int value) {
    return new GeneratorSettings(seed, value, fraudRate, start, world);
  }

  public GeneratorSettings withFraudRate(double value) {
    return new GeneratorSettings(seed, users, value, start, world);
  }

  public GeneratorSettings withStart(Instant value) {
    return new GeneratorSettings(seed, users, fraudRate, value, world);
  }

  public GeneratorSettings withWorld(World value) {
    return new GeneratorSettings(seed, users, fraudRate, start, value);
  }
}
