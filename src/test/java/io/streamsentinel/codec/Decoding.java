package io.streamsentinel.codec;

import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.statistics.Statistics;

/**
 * The contract every decoder fuzz property checks: decoding returns a value or throws the one
 * exception the decoder documents. Anything else (a NullPointerException, an ArithmeticException, a
 * StackOverflowError, an OutOfMemoryError from a claimed length) escapes and fails the property.
 */
public final class Decoding {

  private Decoding() {}

  /**
   * The decoded value, or empty when the decoder refused the input with its documented exception.
   */
  public static <T> Optional<T> accepted(
      Class<? extends RuntimeException> documented, Supplier<T> decode) {
    try {
      return Optional.of(decode.get());
    } catch (RuntimeException e) {
      if (documented.isInstance(e)) {
        return Optional.empty();
      }
      throw new AssertionError("undocumented " + e.getClass().getName() + ": " + e.getMessage(), e);
    } catch (Error e) {
      throw new AssertionError("decoder failed with " + e, e);
    }
  }

  /**
   * Counts whether the input was accepted, and fails the property when fewer than {@code
   * minPercent} of the tries were: mutants that never pass must be fixed, they test nothing deep.
   */
  public static void countAccepted(boolean accepted, double minPercent) {
    Statistics.label("accepted")
        .collect(accepted)
        .coverage(c -> c.check(true).percentage(p -> p >= minPercent));
  }
}
