package io.streamsentinel.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text of API keys: 256 random bits from {@link SecureRandom}, base64url, behind a prefix that
 * secret scanners and people recognise; and the SHA-256 hash that is all the database keeps.
 *
 * <p>Why SHA-256 and not bcrypt or scrypt: those slow hashes protect low-entropy passwords from
 * guessing. A 256-bit random key cannot be guessed whatever the hash costs, so a fast hash loses
 * nothing, and it lets every request be checked by an indexed lookup instead of a deliberately slow
 * computation on a two-core machine.
 */
public final class ApiKeySecrets {

  /** Every key starts with this. */
  public static final String PREFIX = "sentinel_";

  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT =
      Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

  private ApiKeySecrets() {}

  /** A new key; shown once to its owner and never stored. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code text} has the shape of a key (checked before any database lookup). */
  public static boolean isWellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** The SHA-256 of the key's text (UTF-8): what the database stores and looks up. */
  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
