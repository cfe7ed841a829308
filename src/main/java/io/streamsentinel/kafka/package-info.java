/**
 * Kafka itself, as every stage meets it: the embedded KRaft broker, the topic catalog ({@link
 * io.streamsentinel.kafka.TopicCatalog}) and the names of groups, client and transactional ids
 * ({@link io.streamsentinel.kafka.ClientCatalog}), topic provisioning, tuning profiles and the
 * client configurations built from them ({@link io.streamsentinel.kafka.ClientConfigFactory}, the
 * only place {@code Properties} are made), dead-letter records, committed reads and offsets, and
 * where client metrics are bound ({@link io.streamsentinel.kafka.ClientMetrics}).
 */
package io.streamsentinel.kafka;
