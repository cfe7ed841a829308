/**
 * The system of record: PostgreSQL (embedded by default, or an existing server), its schema (Flyway
 * migrations under {@code db/migration}), the persistence sink that writes decisions, alerts,
 * actions and account statuses idempotently, and the review cases analysts work.
 */
package io.streamsentinel.persistence;
