package io.streamsentinel.codec;

/**
 * A rule file that cannot be loaded. The message names the file, the rule (by id, or by position
 * when it has none) and the field, e.g. {@code rules file my-rules.json: rule 'velocity_1m':
 * conditions[0].op: unknown operator '=>' (expected >, >=, <, <= or ==)}.
 */
public final class InvalidRuleFileException extends RuntimeException {

  private final String source;
  private final String rule;
  private final String field;
  private final String problem;

  /**
   * @param source the file or resource; never null
   * @param rule the rule's id or {@code #n}; null when the problem is not within one rule
   * @param field the field's name in the file; null when the problem is the file as a whole
   * @param problem what is wrong, in words; never null
   */
  public InvalidRuleFileException(
      String source, String rule, String field, String problem, Throwable cause) {
    super(message(source, rule, field, problem), cause);
    this.source = source;
    this.rule = rule;
    this.field = field;
    this.problem = problem;
  }

  /** The file or resource that was read. */
  public String source() {
    return source;
  }

  /** The offending rule's id, or {@code #n} for the n-th rule without a usable id; may be null. */
  public String rule() {
    return rule;
  }

  /** The offending field as named in the file, e.g. {@code weight}; may be null. */
  public String field() {
    return field;
  }

  /** What is wrong, in words. */
  public String problem() {
    return problem;
  }

  private static String message(String source, String rule, String field, String problem) {
    StringBuilder message = new StringBuilder("rules file ").append(source);
    if (rule != null) {
      message.append(": rule '").append(rule).append('\'');
    }
    if (field != null) {
      message.append(": ").append(field);
    }
    return message.append(": ").append(problem).toString();
  }
}
