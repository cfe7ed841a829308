/**
 * Watching the running system: one Micrometer registry per process with the Kafka clients' own
 * metrics bound to it (never re-implemented), the embedded broker's metrics, consumer lag read with
 * the Admin API like {@code kafka-consumer-groups --describe}, and health rules whose changes and
 * periodic snapshots go to the {@code system-metrics} topic.
 */
package io.streamsentinel.monitoring;
