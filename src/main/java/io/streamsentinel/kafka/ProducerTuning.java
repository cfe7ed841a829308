package io.streamsentinel.kafka;

/**
 * The producer knobs a tuning profile sets. Each maps one-to-one to a Kafka producer config.
 *
 * @param lingerMs {@code linger.ms}: how long a batch may wait for more records (latency traded for
 *     batching)
 * @param batchSizeBytes {@code batch.size}: upper bound of one partition's batch
 * @param compression {@code compression.type}: none, gzip, snappy, lz4 or zstd
 * @param acks {@code acks}: "all" waits for every in-sync replica, "1" for the leader only
 * @param idempotence {@code enable.idempotence}: no duplicates or reordering on retry (needs
 *     acks=all)
 * @param bufferMemoryBytes {@code buffer.memory}: records waiting to be sent; {@code send} blocks
 *     when full
 * @param retries {@code retries}: bounded, so a dead cluster surfaces as an error rather than an
 *     endless loop
 * @param deliveryTimeoutMs {@code delivery.timeout.ms}: total time a send may take, retries
 *     included
 * @param requestTimeoutMs {@code request.timeout.ms}: one request's wait for the broker
 */
public record ProducerTuning(
    int lingerMs,
    int batchSizeBytes,
    String compression,
    String acks,
    boolean idempotence,
    long bufferMemoryBytes,
    int retries,
    int deliveryTimeoutMs,
    int requestTimeoutMs) {

  public ProducerTuning {
    if (idempotence && !"all".equals(acks)) {
      throw new IllegalArgumentException("idempotence needs acks=all but acks=" + acks);
    }
    if (deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
      throw new IllegalArgumentException(
          "delivery.timeout.ms must be at least linger.ms + request.timeout.ms");
    }
  }
}
