package io.streamsentinel.kafka;

import io.streamsentinel.runtime.Backoff;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Runs Admin API calls, retrying retriable errors for a bounded time. A topic that was just created
 * is known to the controller before every broker has applied it, so a describe or list-offsets
 * right after a create can briefly see {@code UnknownTopicOrPartitionException}; that is worth a
 * short retry, anything else is reported at once.
 */
final class AdminCalls {

  /** Retries stop once this has passed: a timed-out call is retriable too, and takes long. */
  private static final Duration RETRY_FOR = Duration.ofSeconds(15);

  /** A fixed 100 ms between retries, as many as {@link #RETRY_FOR} allows. */
  private static final Backoff BACKOFF =
      new Backoff(Integer.MAX_VALUE, Duration.ofMillis(100), Duration.ofMillis(100));

  private AdminCalls() {}

  /** One Admin call returning a future's value. */
  @FunctionalInterface
  interface Call<T> {
    T get() throws InterruptedException, ExecutionException;
  }

  /**
   * @throws KafkaAdminException with the cause's message when the call fails for good
   */
  static <T> T call(String what, Call<T> call) throws InterruptedException {
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    for (int retry = 1; ; retry++) {
      try {
        return call.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new KafkaAdminException(what + ": " + cause.getMessage(), cause);
        }
        BACKOFF.pause(retry);
      }
    }
  }
}
