package io.streamsentinel.learning;

/** A label file no line of which can be read: its CSV header is wrong. */
public final class LabelFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LabelFileException(String message) {
    super(message);
  }
}
