package io.streamsentinel.kafka;

/**
 * The consumer knobs a tuning profile sets. Auto-commit is never among them: every consumer of the
 * system commits by hand, after its work is done.
 *
 * @param maxPollRecords {@code max.poll.records}: records handed to one {@code poll}
 * @param fetchMinBytes {@code fetch.min.bytes}: the broker waits for this much data before
 *     answering a fetch...
 * @param fetchMaxWaitMs {@code fetch.max.wait.ms}: ...or for this long, whichever comes first
 * @param sessionTimeoutMs {@code session.timeout.ms}: silence after which the group evicts a member
 * @param heartbeatIntervalMs {@code heartbeat.interval.ms}: a third of the session timeout at most
 * @param maxPollIntervalMs {@code max.poll.interval.ms}: longest allowed gap between polls before a
 *     rebalance
 */
public record ConsumerTuning(
    int maxPollRecords,
    int fetchMinBytes,
    int fetchMaxWaitMs,
    int sessionTimeoutMs,
    int heartbeatIntervalMs,
    int maxPollIntervalMs) {

  public ConsumerTuning {
    if (heartbeatIntervalMs * 3 > sessionTimeoutMs) {
      throw new IllegalArgumentException(
          "heartbeat.interval.ms must be at most a third of session.timeout.ms");
    }
  }
}
