package io.streamsentinel.generator;

import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A city where synthetic users live and cards are used. Nothing is null.
 *
 * <p>The UTC offset is the city's standard offset: daylight saving time is not modelled, so local
 * hours can be off by one for part of the year in cities that observe it.
 *
 * @param name city name as it appears on the wire, e.g. {@code São Paulo}
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code BR}
 * @param latitude degrees, within [-90, 90]
 * @param longitude degrees, within [-180, 180]
 * @param utcOffsetHours standard offset from UTC in hours; may be fractional (India: 5.5)
 * @param currency ISO 4217 code of the country, e.g. {@code BRL}
 * @param continent where the city lies
 */
public record City(
    String name,
    String country,
    double latitude,
    double longitude,
    double utcOffsetHours,
    String currency,
    Continent continent) {

  public City {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(continent, "continent");
    if (!(latitude >= -90.0 && latitude <= 90.0) || !(longitude >= -180.0 && longitude <= 180.0)) {
      throw new IllegalArgumentException(name + ": coordinates out of range");
    }
    if (!(utcOffsetHours >= -12.0 && utcOffsetHours <= 14.0)) {
      throw new IllegalArgumentException(name + ": utcOffsetHours out of range");
    }
  }

  /** The standard offset as a {@link ZoneOffset}. */
  public ZoneOffset utcOffset() {
    return ZoneOffset.ofTotalSeconds((int) Math.round(utcOffsetHours * 3600));
  }
}
