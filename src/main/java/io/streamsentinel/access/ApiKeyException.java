package io.streamsentinel.access;

/** A key operation refused: a bad name, a name already in force, an unknown key. */
public final class ApiKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiKeyException(String message) {
    super(message);
  }
}
