/**
 * Who may call the HTTP servers: API keys (random, shown once, stored only as a SHA-256 hash in
 * PostgreSQL), the ordered roles they carry, and the caller a presented key stands for. Pure except
 * for {@link io.streamsentinel.access.ApiKeyStore}, which keeps the keys in the database.
 */
package io.streamsentinel.access;
