package io.streamsentinel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address in fixed windows: after {@code limit} failures within a
 * window the address is refused (429) until the window ends, without its keys being checked, so
 * keys cannot be guessed faster than {@code limit} per window per address.
 *
 * <p>Known limitation: callers behind one address (a proxy, NAT) share the limit, and a bad client
 * there locks out the others for the rest of the window. The table holds at most {@link
 * #MAX_ADDRESSES} addresses; past that, windows that ended are dropped, and if none had, the table
 * starts again empty (an attacker with that many addresses gains a fresh window).
 */
final class AuthFailures {

  /** Failures an address may have in one window. */
  static final int DEFAULT_LIMIT = 10;

  /** The window's length. */
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  static final int MAX_ADDRESSES = 10_000;

  private record Window(Instant start, int failures) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  AuthFailures(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts one failure of {@code address}. */
  void record(String address) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_ADDRESSES) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
      if (windows.size() >= MAX_ADDRESSES) {
        windows.clear();
      }
    }
    windows.compute(
        address,
        (a, w) ->
            w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
  }

  /**
   * How long {@code address} must wait before its keys are checked again; {@link Duration#ZERO}
   * when it is not blocked.
   */
  Duration blockedFor(String address) {
    Window w = windows.get(address);
    if (w == null || w.failures() < limit) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), w.start().plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
