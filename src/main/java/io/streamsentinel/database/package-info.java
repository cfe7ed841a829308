/**
 * The PostgreSQL server every database-facing stage shares: the embedded server under {@code
 * ./data/postgres} or an existing one ({@link io.streamsentinel.database.DatabaseSettings}), the
 * connection pool, and the schema (Flyway migrations under {@code db/migration}) applied on open.
 * What each stage stores is the stage's own ({@code persistence}, {@code analytics}).
 */
package io.streamsentinel.database;
