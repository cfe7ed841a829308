package io.streamsentinel.domain;

/**
 * A transaction that cannot be accepted, with the offending field and the problem named so the
 * error can be shown to a user or written to a dead-letter header as is.
 */
public final class InvalidTransactionException extends IllegalArgumentException {

  /** Field name used when the problem is the record as a whole (not JSON, too large). */
  public static final String WHOLE_RECORD = "record";

  private final String field;
  private final String problem;

  public InvalidTransactionException(String field, String problem) {
    this(field, problem, null);
  }

  public InvalidTransactionException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
    this.problem = problem;
  }

  /** The JSON (snake_case) name of the offending field, or {@link #WHOLE_RECORD}. */
  public String field() {
    return field;
  }

  /** What is wrong with it, in words. */
  public String problem() {
    return problem;
  }
}
