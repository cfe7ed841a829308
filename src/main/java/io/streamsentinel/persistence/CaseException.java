package io.streamsentinel.persistence;

/**
 * A case operation that cannot be done as asked: the case does not exist, its state forbids it
 * (resolving a resolved case), or an argument is wrong (then {@link #field()} names it).
 */
public final class CaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the operation was refused. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final String field;

  private CaseException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  static CaseException notFound(long caseId) {
    return new CaseException(Kind.NOT_FOUND, null, "case " + caseId + " not found");
  }

  static CaseException conflict(String message) {
    return new CaseException(Kind.CONFLICT, null, message);
  }

  public static CaseException invalid(String field, String message) {
    return new CaseException(Kind.INVALID, field, field + ": " + message);
  }

  public Kind kind() {
    return kind;
  }

  /** The offending field for {@link Kind#INVALID}; otherwise null. */
  public String field() {
    return field;
  }
}
