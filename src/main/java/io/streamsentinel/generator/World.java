package io.streamsentinel.generator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which synthetic world the simulator draws: its people, their spending and the fraud against them.
 * The detection was tuned on {@link #DEFAULT}; {@link #HARBOR} and {@link #FJORD} were held out and
 * have been measured, {@link #MESA} has been measured once, blind, and is now tuned on like them;
 * {@link #SAVANNA} was measured once, blind (after {@code default-4}), and is now tuned on too;
 * {@link #STEPPE} was held out for a blind evaluation, to measure whether what was tuned travels to
 * a world it has never seen, and has been measured once, blind (after {@code default-5}); no rule
 * set is tuned on it yet.
 */
public enum World {
  /** The world the rules were tuned on; its stream for a seed never changes. */
  DEFAULT(Summary.DEFAULT),
  /** Measured once, blind; since rule set {@code default-3} a world the rules are tuned on. */
  HARBOR(Summary.HARBOR),
  /**
   * Measured once, blind (its fraud is in {@link FjordFraudPattern}); since rule set {@code
   * default-3} a world the rules are tuned on.
   */
  FJORD(Summary.FJORD),
  /**
   * Measured once, blind (after rule set {@code default-3} was final); since then a world the rules
   * are tuned on, like harbor and fjord.
   */
  MESA(Summary.MESA),
  /**
   * Measured once, blind, after rule set {@code default-4} was final; since then a world the rules
   * are tuned on ({@code default-5}'s channel priors were picked with it).
   */
  SAVANNA(Summary.SAVANNA),
  /**
   * Measured once, blind, after rule set {@code default-5} was final; no longer blind (its fraud is
   * in {@link SteppeFraudPattern}), and not tuned on yet.
   */
  STEPPE(Summary.STEPPE);

  /** The one-line summaries, as constants so that the CLI's help text can show them. */
  public static final class Summary {
    public static final String DEFAULT =
        "44 cities on every continent, each in its own currency; card testing, account takeover,"
            + " impossible travel, high amount at an unusual hour, velocity burst.";
    public static final String HARBOR =
        "measured once blind, now tuned on: 12 Japanese cities in yen; commuters, families,"
            + " late-evening online shoppers, affluent spenders; counterfeit card present, low-and-slow takeover,"
            + " triangulation, ATM cash-out, compromised-merchant spree.";
    public static final String FJORD =
        "measured once blind, now tuned on: 12 Norwegian cities in kroner;"
            + " students, pensioners, rural households, urban professionals; five kinds of fraud"
            + " from published typologies, none of the other worlds'.";
    public static final String MESA =
        "measured once blind, now tuned on: 12 Costa Rican cities in colones;"
            + " shift workers, shopkeepers, expatriates, households paid every fortnight; five kinds"
            + " of fraud from published typologies, none of the other worlds'.";
    public static final String SAVANNA =
        "measured once blind, now tuned on: 12 Kenyan cities in shillings;"
            + " market traders, salaried workers, farmers, students, diaspora-funded households;"
            + " five kinds of fraud from published typologies, none of the other worlds'.";
    public static final String STEPPE =
        "measured once blind, not tuned on: 12 Kazakh cities in tenge;"
            + " office workers, rotation workers, large families, pensioners; five kinds of fraud"
            + " from published typologies, none of the other worlds'.";

    private Summary() {}
  }

  private final String wireName;
  private final String summary;

  World(String summary) {
    this.wireName = name().toLowerCase(Locale.ROOT);
    this.summary = summary;
  }

  /** The lower-case name the CLI takes, e.g. {@code harbor}. */
  public String wireName() {
    return wireName;
  }

  /** One line saying what the world is. */
  public String summary() {
    return summary;
  }

  /** Every wire name, comma separated, in declaration order. */
  public static String names() {
    return Arrays.stream(values()).map(World::wireName).collect(Collectors.joining(", "));
  }

  /**
   * The world with this wire name.
   *
   * @throws IllegalArgumentException naming the input and the known worlds when none matches (also
   *     for null)
   */
  public static World fromWire(String value) {
    for (World world : values()) {
      if (world.wireName.equals(value)) {
        return world;
      }
    }
    throw new IllegalArgumentException("unknown world '" + value + "'; known worlds: " + names());
  }
}
