package io.streamsentinel.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of a lag report, with the figures {@code kafka-consumer-groups --describe} shows.
 *
 * @param currentOffset the group's committed offset, or null when it has committed none here
 * @param logEndOffset the partition's log-end offset (high watermark)
 * @param lag log end minus committed offset, or null without a committed offset
 * @param consumerId the member that owns the partition now, or null when none does
 * @param host that member's host, or null
 * @param clientId that member's client id, or null
 */
public record PartitionLag(
    @JsonProperty("group") String group,
    @JsonProperty("topic") String topic,
    @JsonProperty("partition") int partition,
    @JsonProperty("current_offset") Long currentOffset,
    @JsonProperty("log_end_offset") long logEndOffset,
    @JsonProperty("lag") Long lag,
    @JsonProperty("consumer_id") String consumerId,
    @JsonProperty("host") String host,
    @JsonProperty("client_id") String clientId) {}
