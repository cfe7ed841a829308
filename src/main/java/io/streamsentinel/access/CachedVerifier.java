package io.streamsentinel.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few seconds, the callers of keys that verified, so a dashboard's requests do not
 * each cost a database round trip. Only successes are remembered (failures are rate-limited by the
 * server instead), by the key's hash, never its text. A revoked key therefore works on for at most
 * {@code ttl}; that is the price of the cache, and the reason it is short.
 */
public final class CachedVerifier implements KeyVerifier {

  /** How long a verified key is trusted without asking the database again. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

  /** Beyond this many cached keys the cache starts again empty: the bound on its memory. */
  private static final int MAX_ENTRIES = 1_000;

  private record Entry(Caller caller, Instant until) {}

  private final KeyVerifier source;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();

  public CachedVerifier(KeyVerifier source, Duration ttl, Clock clock) {
    this.source = source;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Optional<Caller> verify(String presentedKey) {
    String hash = HexFormat.of().formatHex(ApiKeySecrets.hash(presentedKey));
    Instant now = clock.instant();
    Entry entry = verified.get(hash);
    if (entry != null && now.isBefore(entry.until())) {
      return Optional.of(entry.caller());
    }
    Optional<Caller> caller = source.verify(presentedKey);
    if (caller.isPresent()) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(hash, new Entry(caller.get(), now.plus(ttl)));
    } else {
      verified.remove(hash);
    }
    return caller;
  }
}
