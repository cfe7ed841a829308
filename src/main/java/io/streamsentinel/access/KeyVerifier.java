package io.streamsentinel.access;

import java.util.Optional;

/** Tells who a presented API key stands for. */
@FunctionalInterface
public interface KeyVerifier {

  /**
   * The caller of a key in force; empty for an unknown, malformed or revoked key.
   *
   * @param presentedKey the key as the client sent it, never null
   * @throws RuntimeException when the keys cannot be read now (the database is down)
   */
  Optional<Caller> verify(String presentedKey);
}
