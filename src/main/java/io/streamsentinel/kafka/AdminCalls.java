package io.streamsentinel.kafka;

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

  private static final Duration RETRY_FOR = Duration.ofSeconds(15);
  private static final long BACKOFF_MS = 100;

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
    while (true) {
      try {
        return call.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new KafkaAdminException(what + ": " + cause.getMessage(), cause);
        }
        Thread.sleep(BACKOFF_MS); // bounded backoff between retries of a retriable admin error
      }
    }
  }
}
