package io.streamsentinel.generator;

/** The continent of a catalog city; impossible travel always crosses from one to another. */
public enum Continent {
  AFRICA,
  ASIA,
  EUROPE,
  NORTH_AMERICA,
  OCEANIA,
  SOUTH_AMERICA
}
