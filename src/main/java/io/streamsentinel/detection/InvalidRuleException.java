package io.streamsentinel.detection;

/**
 * A rule or rule set that cannot be used, naming the offending field by its rule-file name (e.g.
 * {@code weight}, {@code conditions[1].op}) so a loader can point at the exact spot.
 */
public final class InvalidRuleException extends IllegalArgumentException {

  private final String field;
  private final String problem;

  public InvalidRuleException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The rule-file name of the offending field. */
  public String field() {
    return field;
  }

  /** What is wrong with it, in words. */
  public String problem() {
    return problem;
  }

  /**
   * The same problem located inside {@code path}: {@code conditions[1]} and {@code op} give {@code
   * conditions[1].op}; an empty field gives the path itself.
   */
  public InvalidRuleException within(String path) {
    return new InvalidRuleException(field.isEmpty() ? path : path + "." + field, problem);
  }
}
