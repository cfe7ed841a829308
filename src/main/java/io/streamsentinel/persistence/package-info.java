/**
 * The system of record: the persistence sink that writes decisions, alerts, actions, account
 * statuses and the latest label per transaction to PostgreSQL idempotently, offsets committed only
 * after the database commit ({@link io.streamsentinel.persistence.SinkService} runs it), and the
 * review cases analysts work, whose verdicts go out as label events on {@code fraud-feedback}. The
 * server and schema are {@code io.streamsentinel.database}'s.
 */
package io.streamsentinel.persistence;
