package io.streamsentinel.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which settings hold secrets, and how they are shown: never their value. One rule for every place
 * that prints configuration.
 */
public final class Secrets {

  /** Passwords, JAAS configs (which carry passwords), keys and tokens, by the setting's name. */
  private static final Pattern SECRET_KEY =
      Pattern.compile("password|secret|jaas|token|credential|(^|[._-])key$|private");

  public static final String MASK = "********";

  private Secrets() {}

  public static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * A password in a URL: {@code ?password=...} or {@code &password=...}, and {@code user:pass@}.
   */
  private static final Pattern URL_SECRET =
      Pattern.compile("(?i)((?:password|secret|token)=)[^&;]*|(//[^/:@]+:)[^/@]*(@)");

  /** A URL (a JDBC URL, a webhook) as it may be printed: passwords in it masked. */
  public static String maskedUrl(String url) {
    if (url == null) {
      return null;
    }
    return URL_SECRET
        .matcher(url)
        .replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : m.group(2) + MASK + m.group(3));
  }

  /** The value to print for {@code key}: the value itself, or the mask when it is a secret. */
  public static String shown(String key, String value) {
    return value == null || !isSecret(key) ? value : MASK;
  }
}
