package io.streamsentinel.web;

/**
 * A 4xx answer for a bad request: the HTTP status, the offending field (or {@code null} when the
 * request as a whole is wrong) and a sentence for a human. Rendered as {@code {"error": ...,
 * "field": ...}}.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  public ApiError(int status, String field, String message) {
    super(message);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("an ApiError is a 4xx, got " + status);
    }
    this.status = status;
    this.field = field;
  }

  public static ApiError badField(String field, String message) {
    return new ApiError(400, field, message);
  }

  public static ApiError notFound(String what) {
    return new ApiError(404, null, what + " not found");
  }

  public int status() {
    return status;
  }

  /** The offending field, or {@code null}. */
  public String field() {
    return field;
  }
}
