package io.streamsentinel.cli;

import io.streamsentinel.generator.World;
import picocli.CommandLine;

/** Parses {@code --world NAME}; an unknown name is a usage error naming it and the known worlds. */
final class WorldOption implements CommandLine.ITypeConverter<World> {

  @Override
  public World convert(String value) {
    try {
      return World.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
