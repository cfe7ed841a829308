package io.streamsentinel.codec;

/**
 * Prints a number held as whole millionths ({@code Math.round(v * 1e6)}) exactly as {@link
 * Double#toString} prints {@code micros / 1e6}, for the magnitudes it prints without an exponent
 * (0.001 to under 10,000,000): integer digits, a point, then the six fraction digits without their
 * trailing zeros but at least one. Within that range {@code micros / 1e6} has at most 13
 * significant digits, so it is the shortest decimal that reads back as that double, which is what
 * the JDK prints. Other magnitudes are left to the caller. Decisions carry about a dozen such
 * numbers, and formatting them through {@code double} was their encoder's largest cost.
 */
final class MicrosText {

  /** Longest text: a sign, seven integer digits, a point and six fraction digits. */
  static final int MAX_LENGTH = 15;

  private static final long PER_UNIT = 1_000_000L;
  private static final long SMALLEST = 1_000L; // 0.001
  private static final long BEYOND_LARGEST = 10_000_000L * PER_UNIT; // 1e7

  private MicrosText() {}

  /**
   * Writes the text of {@code micros / 1e6} into {@code out} from index {@code at}, in ASCII.
   *
   * @param out at least {@link #MAX_LENGTH} bytes from {@code at}
   * @return the index after the text, or -1 (nothing written) when {@code Double.toString} would
   *     print this magnitude with an exponent
   */
  static int format(long micros, byte[] out, int at) {
    long abs = Math.abs(micros);
    // Math.abs(Long.MIN_VALUE) is negative, so it is below SMALLEST and left to the caller too.
    if (abs < SMALLEST || abs >= BEYOND_LARGEST) {
      return -1;
    }
    int pos = at;
    if (micros < 0) {
      out[pos++] = '-';
    }
    // Both parts fit an int within the range above, and int division is the cheaper one.
    pos = digits((int) (abs / PER_UNIT), out, pos);
    out[pos++] = '.';
    int fraction = (int) (abs % PER_UNIT);
    if (fraction == 0) {
      out[pos++] = '0';
      return pos;
    }
    int length = 6; // millionths; leading zeros stay, trailing ones go
    while (fraction % 10 == 0) {
      fraction /= 10;
      length--;
    }
    return digits(fraction, length, out, pos);
  }

  private static int digits(int value, byte[] out, int pos) {
    int length = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    return digits(value, length, out, pos);
  }

  /** Writes {@code value} as exactly {@code length} digits, zero-padded on the left. */
  private static int digits(int value, int length, byte[] out, int pos) {
    int rest = value;
    for (int i = pos + length - 1; i >= pos; i--) {
      out[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    return pos + length;
  }
}
