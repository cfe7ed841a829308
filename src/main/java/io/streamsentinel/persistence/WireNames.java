package io.streamsentinel.persistence;

import java.util.Arrays;
import java.util.Locale;

/** Enums written in lower case on the wire and in the database, read back by that name. */
final class WireNames {

  private WireNames() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
    String wanted = text == null ? "" : text.trim();
    for (E value : type.getEnumConstants()) {
      if (of(value).equalsIgnoreCase(wanted)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " '"
            + text
            + "'; expected one of "
            + Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList());
  }
}
