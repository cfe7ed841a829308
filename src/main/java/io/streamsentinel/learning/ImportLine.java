package io.streamsentinel.learning;

import io.streamsentinel.domain.Label;

/** One data line of a label file, as {@link LabelImport} read it: a label or why it is not one. */
public sealed interface ImportLine {

  /** The line's number in the file, from 1. */
  long number();

  /** A line that is a label. */
  record Good(long number, Label label) implements ImportLine {}

  /**
   * A line that is not a label.
   *
   * @param reason names the field at fault, e.g. {@code is_fraud: expected true, false, 1 or 0}
   */
  record Bad(long number, String reason) implements ImportLine {}
}
