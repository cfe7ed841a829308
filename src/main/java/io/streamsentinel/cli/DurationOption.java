package io.streamsentinel.cli;

import io.streamsentinel.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Lets picocli read {@code 30s}, {@code 5m}, {@code 2h} and the like. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
