package io.streamsentinel.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code --tps N|max}: a positive rate, or 0 for "as fast as the producer accepts". */
final class RateOption implements CommandLine.ITypeConverter<Double> {

  @Override
  public Double convert(String value) {
    if ("max".equals(value.trim().toLowerCase(Locale.ROOT))) {
      return 0.0;
    }
    try {
      double rate = Double.parseDouble(value.trim().replace("_", ""));
      if (rate > 0 && Double.isFinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted forms
    }
    throw new CommandLine.TypeConversionException(
        "'" + value + "' is not a rate; use a positive number of events per second or 'max'");
  }

  static String describe(double rate) {
    return rate == 0 ? "max" : String.format(Locale.ROOT, "%,.0f/s", rate);
  }
}
