/**
 * The detector as a Kafka Streams application: the topology ({@link
 * io.streamsentinel.streaming.FraudTopology}, every node and store named), the processor that only
 * moves bytes between the codecs and the pure scoring of {@code detection}, interactive queries of
 * a user's state, the counters, and the running service ({@link
 * io.streamsentinel.streaming.DetectorService}: start, close).
 */
package io.streamsentinel.streaming;
