package io.streamsentinel.access;

import java.util.Objects;

/**
 * A key just created: its stored description and its text, which exists only here and is shown to
 * its owner once.
 */
public record IssuedKey(ApiKeyInfo info, String secret) {

  public IssuedKey {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(secret, "secret");
  }

  /** Never the secret: an issued key may end up in a log line by accident. */
  @Override
  public String toString() {
    return "IssuedKey[" + info + "]";
  }
}
