/**
 * Batch analytics: the Kafka guide's batch consumer (group {@code analytics-group}, earliest, large
 * polls, one commit per batch) aggregates {@code fraud-scores} into statistics tables — volume,
 * fraud rate, alerts and precision by merchant category, country, hour of day, amount bucket and
 * severity, plus a score histogram for exact detection quality — and the report read from them.
 * Each batch's aggregates and the next offsets are written in one database transaction, so nothing
 * is counted twice.
 */
package io.streamsentinel.analytics;
