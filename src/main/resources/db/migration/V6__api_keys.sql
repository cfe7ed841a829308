-- API keys of the HTTP servers. Only the SHA-256 of a key is kept: keys are 256-bit random values,
-- so a fast hash cannot be inverted or guessed, and it can be looked up on every request. The name is
-- the caller's identity in audit entries and label events, so two keys in force never share one.
CREATE TABLE api_keys (
    key_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('viewer', 'analyst', 'operator', 'admin')),
    key_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX api_keys_name_in_force ON api_keys (name) WHERE revoked_at IS NULL;
