-- Stream-Sentinel system of record. One dialect: PostgreSQL. Money is NUMERIC, never floating point.
-- Every table the sink writes is keyed by the event's natural id, so a redelivered record is a no-op.

-- One row per scored transaction (topic fraud-scores). Partitioned by the day of the transaction's
-- event time; the sink creates day partitions as it meets new days and drops those past retention.
-- A partitioned table's unique key must contain the partition key: (transaction_id, event_time) is
-- still the natural id, as a transaction's event time never changes.
CREATE TABLE decisions (
    transaction_id    text             NOT NULL,
    event_time        timestamptz      NOT NULL,
    user_id           text             NOT NULL,
    amount            numeric          NOT NULL,
    currency          text,
    merchant          text,
    merchant_category text,
    country           text,
    city              text,
    channel           text,
    score             double precision NOT NULL,
    severity          text             NOT NULL,
    reasons           jsonb            NOT NULL,
    features          jsonb            NOT NULL,
    rule_set_version  text             NOT NULL,
    is_fraud          boolean,
    fraud_pattern     text,
    decided_at        timestamptz      NOT NULL,
    PRIMARY KEY (transaction_id, event_time)
) PARTITION BY RANGE (event_time);

-- A user's recent history (case page, user page).
CREATE INDEX decisions_user_time ON decisions (user_id, event_time DESC);
-- The latest decisions (dashboard).
CREATE INDEX decisions_decided_at ON decisions (decided_at DESC);

-- Alerts (topic fraud-alerts): a decision at or above the alert threshold.
CREATE TABLE alerts (
    alert_id       text PRIMARY KEY,
    transaction_id text             NOT NULL,
    event_time     timestamptz      NOT NULL,
    user_id        text             NOT NULL,
    amount         numeric          NOT NULL,
    score          double precision NOT NULL,
    severity       text             NOT NULL,
    reasons        jsonb            NOT NULL,
    is_fraud       boolean,
    fraud_pattern  text,
    alerted_at     timestamptz      NOT NULL
);
CREATE INDEX alerts_user_time ON alerts (user_id, event_time DESC);
CREATE INDEX alerts_alerted_at ON alerts (alerted_at DESC);
CREATE INDEX alerts_severity ON alerts (severity, alerted_at DESC);

-- Actions taken (topic user-actions), by the responder or by an operator.
CREATE TABLE actions (
    action_id      text PRIMARY KEY,
    alert_id       text,
    transaction_id text,
    user_id        text        NOT NULL,
    action_type    text        NOT NULL,
    severity       text,
    reasons        jsonb       NOT NULL,
    decided_at     timestamptz NOT NULL,
    alert_time     timestamptz,
    policy_version text        NOT NULL,
    actor          text        NOT NULL,
    note           text
);
CREATE INDEX actions_user_time ON actions (user_id, decided_at DESC);
CREATE INDEX actions_decided_at ON actions (decided_at DESC);
CREATE INDEX actions_alert ON actions (alert_id);

-- Every account-status change (topic account-status), and the current status per user.
CREATE TABLE account_status_history (
    user_id    text        NOT NULL,
    status     text        NOT NULL,
    reason     text,
    updated_at timestamptz NOT NULL,
    expires_at timestamptz,
    PRIMARY KEY (user_id, updated_at, status)
);

CREATE TABLE accounts (
    user_id    text PRIMARY KEY,
    status     text        NOT NULL,
    reason     text,
    updated_at timestamptz NOT NULL,
    expires_at timestamptz
);
CREATE INDEX accounts_status ON accounts (status) WHERE status <> 'ACTIVE';

-- Review cases: opened by MANUAL_REVIEW and OPEN_INVESTIGATION actions (one per action), worked by
-- analysts. case_id is the short number people use; action_id keeps opening idempotent.
CREATE TABLE review_cases (
    case_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id      text        NOT NULL UNIQUE,
    alert_id       text,
    kind           text        NOT NULL,
    user_id        text        NOT NULL,
    transaction_id text,
    event_time     timestamptz,
    severity       text,
    reasons        jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_review', 'resolved')),
    assignee       text,
    resolution     text CHECK (resolution IN ('confirmed_fraud', 'false_positive')),
    resolved_by    text,
    resolution_note text,
    opened_at      timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    resolved_at    timestamptz,
    CHECK ((status = 'resolved') = (resolution IS NOT NULL))
);
CREATE INDEX review_cases_queue ON review_cases (status, opened_at);
CREATE INDEX review_cases_user ON review_cases (user_id);
CREATE INDEX review_cases_assignee ON review_cases (assignee) WHERE assignee IS NOT NULL;

-- Who did what, when and why, for every manual action (operator blocks, case work).
-- (source, source_id) makes entries derived from topic records idempotent; direct entries have no
-- source_id.
CREATE TABLE audit_log (
    audit_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    subject   text        NOT NULL,
    reason    text,
    details   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    source    text        NOT NULL,
    source_id text,
    UNIQUE (source, source_id)
);
CREATE INDEX audit_log_subject ON audit_log (subject, at DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC);
