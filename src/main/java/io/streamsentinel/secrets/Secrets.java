package io.streamsentinel.secrets;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is never shown, and how it is hidden: one rule for logs, CLI errors, {@code config show} and
 * dead-letter headers.
 *
 * <ul>
 *   <li>A setting whose name says it holds a secret ({@link #isSecret}: passwords, JAAS configs,
 *       keystore and key passwords, secrets, tokens, keys, credentials) is shown as {@link #MASK}.
 *   <li>In free text ({@link #maskText}): a PEM private key's body; an API key of ours ({@code
 *       sentinel_...}) and any bearer token; the value of a JAAS config up to its {@code ;}; the
 *       value of {@code password=}, {@code secret=}, {@code token=} (and names containing them)
 *       with or without quotes, as in JAAS text or JSON; the password of URL user-info ({@code
 *       user:********@host}); query secrets ({@code ?key=}, {@code &sig=}, {@code &token=}...); and
 *       everything after the host of an {@code http(s)} URL, since a webhook's path is its secret
 *       (Slack, Teams...) and a line cannot tell a webhook from another URL.
 * </ul>
 *
 * Card-number-like digit runs are masked where record content is echoed (the codecs' problem text),
 * not here: log lines are full of long numbers (offsets, epoch milliseconds).
 *
 * <p>Known limitation: a secret given as a separate word ({@code --db-password hunter2}) is not
 * recognised in free text; nothing in this project prints its arguments that way.
 */
public final class Secrets {

  public static final String MASK = "********";

  /** Words that make a setting's name a secret's wherever they stand in it. */
  private static final String SECRET_WORDS =
      "password|passwd|secret|jaas|token|credential|private|api[._-]?key";

  /** Endings that make a setting's name a secret's: {@code ssl.keystore.key}, {@code x-sig}. */
  private static final String SECRET_ENDINGS = "key|pwd|sig|signature";

  /** Passwords, JAAS configs (which carry passwords), keys and tokens, by the setting's name. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(SECRET_WORDS + "|(^|[._-])(" + SECRET_ENDINGS + ")$");

  /** {@code sasl.jaas.config=...;}: the whole value, which names the login module's options. */
  private static final Pattern JAAS_VALUE =
      Pattern.compile("(?i)([\\w.-]*jaas[\\w.-]*(?:\\s*=\\s*|\"\\s*:\\s*\"?))[^\\n;]*;?");

  /**
   * {@code password="x"}, {@code ssl.key.password = x}, {@code "client_secret":"x"}, {@code
   * ssl.keystore.key=x}...: a name {@link #isSecret} would call secret, then its value.
   */
  private static final Pattern NAMED_VALUE =
      Pattern.compile(
          "(?i)((?<![\\w.-])(?:[\\w.-]*(?:"
              + SECRET_WORDS
              + ")[\\w.-]*|[\\w.-]*[._-](?:"
              + SECRET_ENDINGS
              + "))"
              + "(?:\\s*=\\s*|\"\\s*:\\s*))"
              + "(\\\\?\"[^\"\\\\]*\\\\?\"|'[^']*'|[^\\s&;,\"'})\\]]+)");

  /** An API key of ours ({@code sentinel_} and 43 characters), or any bearer token. */
  private static final Pattern TOKEN =
      Pattern.compile("(?i)(\\bbearer\\s+)[\\w.~+/=-]+|\\bsentinel_[A-Za-z0-9_-]{20,}");

  /** A PEM private key: everything between its markers. */
  private static final Pattern PEM_KEY =
      Pattern.compile(
          "(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)");

  /** {@code scheme://user:password@host}: the password. */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@?#]+:)([^/\\s@?#]+)(@)");

  /** Query parameters that carry secrets under short names. */
  private static final Pattern QUERY_SECRET =
      Pattern.compile(
          "(?i)([?&](?:[\\w.-]*key|sig|signature|auth|code|[\\w.-]*token|[\\w.-]*secret"
              + "|[\\w.-]*password)=)([^&#\\s\"']*)");

  /** An http(s) URL: the part up to the host and port, and what follows. */
  private static final Pattern HTTP_URL =
      Pattern.compile("(?i)\\b(https?://[^/\\s?#\"'<>]+)([/?#][^\\s\"'<>)\\]]*)");

  private Secrets() {}

  public static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
  }

  /** The value to print for {@code key}: the mask when it is a secret, else its masked text. */
  public static String shown(String key, String value) {
    if (value == null) {
      return null;
    }
    return isSecret(key) ? MASK : maskText(value);
  }

  /** A URL (a JDBC URL, a webhook) as it may be printed; the rule of {@link #maskText}. */
  public static String maskedUrl(String url) {
    return maskText(url);
  }

  /** {@code text} with every secret the rule recognises masked; null stays null. */
  public static String maskText(String text) {
    if (text == null || !mayHoldSecret(text)) {
      return text;
    }
    String masked = PEM_KEY.matcher(text).replaceAll(m -> quoted(m.group(1)) + MASK);
    masked = TOKEN.matcher(masked).replaceAll(m -> quoted(nullToEmpty(m.group(1))) + MASK);
    masked = JAAS_VALUE.matcher(masked).replaceAll(m -> quoted(m.group(1)) + MASK);
    masked = NAMED_VALUE.matcher(masked).replaceAll(Secrets::maskNamedValue);
    masked = USER_INFO.matcher(masked).replaceAll(m -> quoted(m.group(1)) + MASK + "@");
    masked = QUERY_SECRET.matcher(masked).replaceAll(m -> quoted(m.group(1)) + MASK);
    return HTTP_URL.matcher(masked).replaceAll(Secrets::maskUrlPath);
  }

  /**
   * Every rule needs an {@code =}, a {@code ://}, a JSON {@code ":}, a key's marker or a token's
   * prefix: most lines have none.
   */
  private static boolean mayHoldSecret(String text) {
    return text.indexOf('=') >= 0
        || text.contains("://")
        || text.contains("\":")
        || text.contains("PRIVATE KEY")
        || text.contains("sentinel_")
        || containsBearer(text);
  }

  /** Whether {@code text} holds "bearer " in any case, without copying it. */
  private static boolean containsBearer(String text) {
    for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
      if (i >= 6 && text.regionMatches(true, i - 6, "bearer", 0, 6)) {
        return true;
      }
    }
    return false;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /** The value masked inside the quotes it had, so the text around it still parses. */
  private static String maskNamedValue(MatchResult m) {
    String value = m.group(2);
    int open =
        value.startsWith("\\\"") ? 2 : value.startsWith("\"") || value.startsWith("'") ? 1 : 0;
    String quote = value.substring(0, open);
    return quoted(m.group(1)) + quote + MASK + quote;
  }

  private static String maskUrlPath(MatchResult m) {
    String rest = m.group(2);
    return rest.equals("/") ? quoted(m.group()) : quoted(m.group(1)) + "/" + MASK;
  }

  /** {@code text} as a literal replacement ({@code $} and {@code \} taken as they are). */
  private static String quoted(String text) {
    return Matcher.quoteReplacement(text);
  }
}
